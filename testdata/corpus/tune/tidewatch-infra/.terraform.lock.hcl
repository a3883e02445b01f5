# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "registry.terraform.io/hashicorp/aws" {
  version     = "5.62.0"
  constraints = "~> 5.60"
  hashes = [
    "h1:eRmZFt6UmCl7qpK6b/hkWQQvaTWV5xKGlORUrIZ+XEc=",
    "h1:d+3tBj3Emok6ZakO0uguTg/xiUNRL1cf6pXOpRRKAM0=",
    "zh:3bc8ea6ef406f827b6264d19dbb24b6171a37745049900ef1d240836c1abdb1c",
    "zh:05220ca214f1c8afb4e80e4dff9833d83106db90751755c1ca429c911f1071d2",
    "zh:91ab17f70d71df0af61596af5650d2ab4876632113b6b164a630d5a993c6593d",
    "zh:2ea07ccdcb903d24a57f216862ab86be207d4ba370ebbf411ea9574b6a7120ff",
    "zh:60bc5fa01205836d643be9ddaf5d72a71e94121dccac655b06359e605226a239",
  ]
}

provider "registry.terraform.io/cloudflare/cloudflare" {
  version     = "4.39.0"
  constraints = "~> 4.38"
  hashes = [
    "h1:YdczJegd69N50oTXv7QWvvEWjhJJXVe4j/Mciy7WiCo=",
    "h1:TphOQCraPaIRiaKMCJaJZkzTa7STLjIrUEHolfh8aTo=",
    "zh:06768b0bf48c758f0775542f40bebbcdffef85206159fef5c4a0274247ffa139",
    "zh:5e5c7c348b07600df9b384f5b4d3e963e31e74681ffbd891eb9158498e6ff3cf",
    "zh:86d335dfe1a202e4c455ef3d29210ffa414f85a712a5f588644565a467994830",
    "zh:27e062ebce47f621f2c2cea3cefaad57be474504f45d8b80f24f9b52992468af",
    "zh:c9e6f421f0fecd20297cc81b267766443507ff4328920fbaa1e68c5718975dc3",
  ]
}

provider "registry.terraform.io/datadog/datadog" {
  version     = "3.43.1"
  constraints = "~> 3.42"
  hashes = [
    "h1:0ef8bYFSCwa1x2L6E7X2n9r9RdRiYaiMiIaSzBhJQPE=",
    "h1:vMMulmXgq8Thrn5bj1gFjdKU+yT3OnA7lNUfFiAcgLU=",
    "zh:2ec0c0b3d01db62b243df53f551c899e8f501e616a63518ab03cb075daf7e7b4",
    "zh:45bbeb9c7e3b84259504b3621a8f30851bfee9d8636d1b5b8f6f290edfc5bd65",
    "zh:cd74f37ad498abf0dc54952046595f6801944a7fb3a265eb779281894dc36926",
    "zh:4b9c04bc8913fcc376c9a6ae7a65ef47f763c7185f4f7107c231c24dfbcf6c24",
    "zh:9fade7b710056e3250dffa84de1d5436b214b8780b241247ec8775f41d07db71",
  ]
}

provider "registry.terraform.io/hashicorp/random" {
  version     = "3.6.2"
  constraints = ""
  hashes = [
    "h1:3Sv2F94lOdV2b3tHeaBLP1WlwEyxbuTrYp5wM35pXQY=",
    "h1:ntFtx6RWJ15PxpHJOHg4+3/rtHOESIv+CkwYgFQ5g5E=",
    "zh:7f00d24bdd807cc45c7f090c9bdea9ae795c5d63da658a97c15e8da6663a79da",
    "zh:c4e2ca897be120d8fa4aa1e07d1193a82c0b8d9a7c81844e93934ed583be3729",
    "zh:a61a0234badfdaca1dbd0a9ab8848405085d89753181a66f94d2d682b15beec9",
    "zh:960299e197142ce580b9e50dc76c672bec1d53c6641081db2d5a769a6733e002",
    "zh:4f79ee204805ce09fd65a3215476edc70362f8a119853883b4605cd9fcf9a173",
  ]
}
