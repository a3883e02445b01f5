terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
    cloudflare = {
      source  = "cloudflare/cloudflare"
      version = "~> 4.38"
    }
    datadog = {
      source  = "DataDog/datadog"
      version = "~> 3.42"
    }
    digitalocean = {
      source  = "digitalocean/digitalocean"
      version = "~> 2.40"
    }
  }

  cloud {
    organization = "kelpie-labs"
    workspaces {
      tags = ["tidewatch"]
    }
  }
}
