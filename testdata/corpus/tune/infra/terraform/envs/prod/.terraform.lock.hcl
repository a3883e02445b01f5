# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "registry.terraform.io/hashicorp/aws" {
  version     = "5.31.0"
  constraints = "~> 5.31"
  hashes = [
    "h1:e44XcXnVkCb9M2713t/YmEnqDBalELw1kUVa7dhrBrw=",
    "zh:2db302719659a02c0df552dbfff4db30bb8ab334deef801c1f8852ff5fe9e0f6",
    "zh:337fef7149924d9d505861f85174519103aa7395d787baa7c7bfc71c358dfabf",
    "zh:9db2cb3cd3934ed4bdefd8464beea8bf05ebacd8cba25ec299457a7c4ca502d3",
    "zh:ab818b450a88b36fa04b35edcbf4be90857f1d6d83f4c2bd784c28a58421c57e",
    "zh:becf9861026420f5f6dd5d93ef198018568ca367d1fcb484112d7e86edbf1b2c",
    "zh:cb576c183a4eac76893ab446d54b2342d343f8222425c9726f26f4b8b0f254ae",
  ]
}

provider "registry.terraform.io/cloudflare/cloudflare" {
  version     = "4.20.0"
  constraints = "~> 4.20"
  hashes = [
    "h1:C+a5Vf5PpnlCmC3c/nET4P3C0YY1zoERR1QZD/24Hlg=",
    "zh:8551cc9624102ee041b3030fa5a60d5668c95b69fdd9e3ef4af5074a37ae8ce4",
    "zh:e1e42062c0bbbaaacbd5c05644bcd0bee702666c2037c677dab311083ce122aa",
    "zh:039e6c811b0fa580411657899e0b59ba63cbdee9e9ad44c1a1dfd7986f5ee73a",
    "zh:0bf028dd4eade257c9186e795f321b4b75d08438d55b2f977d74238ae9d26e03",
    "zh:b5b1fd994d402b771a26bd9a9f099f0eb9843756f52b72c189a5265f1917bf8e",
    "zh:a7c235d5511b38eabf0ddd6516d84d97aab10c05da01d2103c05fb1dd2bb29e3",
  ]
}

provider "registry.terraform.io/hashicorp/random" {
  version     = "3.6.0"
  constraints = "~> 3.6"
  hashes = [
    "h1:8JEL6XgwbpRmhLNaZEFfBJd1I6QZ2EL8QAm3ELpFdIM=",
    "zh:fba18fda9e7f949742f9bcc1b0bb0900ff75b52fdef04a5385fdf30a5f2abe13",
    "zh:e99218370a197d39e3f632ceb19e7be94463cdd7758002b79cf6c759bf5b998b",
    "zh:a9914c1b86d5ac66eeb80d3f781658c0fb8736351b389311d77125cc86c81a2c",
    "zh:5c211525083bf1f06fd7a7533e34237c73121329ffb1b972e4cd2d5bee7b8b68",
    "zh:72d8ae8780774eeee08d48d78ea53274d7ed70b5eadffec8c8fe1aade686ef12",
    "zh:5e7fd8b8ba4a114de793a4e90336fd5bc35ef1912b66817c72747779e549bf29",
  ]
}

provider "registry.terraform.io/datadog/datadog" {
  version     = "3.34.0"
  constraints = "~> 3.34"
  hashes = [
    "h1:QcdMFdwCc6SFISIjYDXr6+EBJw+mFCWaU0q9W9pq7i0=",
    "zh:0942d6c6378c0df2d6ae433ba9c859925afa6ecc0ed63bd9c52f4ef94749ba3e",
    "zh:b30cccb2cc59abefab98ebfa513f9ef0be87df88108fade8ab67bc20060dfb87",
    "zh:2a118fa03ac98cf0092961738189592690d83e25db5ff0c0502875b3a0d79e68",
    "zh:616e1f5cecc380224b31b1d4ace3dbd34e96caedac4ac43fc8fe5e7a16a02b95",
    "zh:d9699f234041dec477b7567e4f33eae9d4d2295dbce8024dbf355054f18a2484",
    "zh:f4580bbf42cdb481672931b7232af3b35bb5c70c7c163f2e968de3eb33ae3e53",
  ]
}
