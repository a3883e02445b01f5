terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.31"
    }
    cloudflare = {
      source  = "cloudflare/cloudflare"
      version = "~> 4.20"
    }
  }

  backend "s3" {
    bucket         = "fernwood-tfstate-staging"
    key            = "platform/terraform.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "tfstate-lock"
    encrypt        = true
  }
}

# FIXME: temporary static credentials for the staging sandbox account until
# the SSO permission set is approved. Remove before merging to main!
provider "aws" {
  region     = "eu-west-1"
  access_key = "⟦cloud:AKI⁞AOHMTZM2NMDWICSG6⟧"
  secret_key = "⟦cloud:fA⁞4uR4fLNkBWlGDvkFe5Slp9xfptHxi5ZviSluwV⟧"

  default_tags {
    tags = {
      Environment = "staging"
      ManagedBy   = "terraform"
    }
  }
}

provider "cloudflare" {
  api_token = var.cloudflare_api_token
}

module "network" {
  source   = "../../modules/network"
  cidr     = "10.42.0.0/16"
  az_count = 2
}

module "orders_db" {
  source            = "../../modules/rds"
  name              = "orders-staging"
  instance_class    = "db.t4g.medium"
  subnet_ids        = module.network.private_subnet_ids
  master_password   = var.orders_db_password
  kms_key_id        = "arn:aws:kms:eu-west-1:359801613988:key/fb2a0922-826f-4458-a8bd-5aadf3434f7a"
}
