# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "registry.terraform.io/cloudflare/cloudflare" {
  version     = "4.30.0"
  constraints = "~> 4.30"
  hashes = [
    "h1:HDppcxD2ilejobY2w32MvFwtv5daKia8oVpjmAHTNPI=",
    "zh:978b8674c33e386280cf72403bf9a87c023eee014f26df4d1a1335d8ce01cb77",
    "zh:4e40d13935b850fec4355d45af99bcc1eb5498c713d94eb92909c43f22cd340f",
    "zh:bb5e1d951ee0dcc166a70f31eab5f74596964f807b3837b6f730b65c22d676a5",
  ]
}

provider "registry.terraform.io/hashicorp/aws" {
  version     = "5.44.0"
  constraints = "~> 5.40"
  hashes = [
    "h1:ZM3N3C6zjTxNfwenhrXWhUYw1TDS+aZ80X4UDnjaneE=",
    "zh:42a11263b5efb9076e475ae3f9af8c9bae92364ba320ce65554c2a2d3a827026",
    "zh:7b516c05a3e28a986384ec079aa8b6c72f78df2d7ae8082cfdaf53c80738afd0",
  ]
}
