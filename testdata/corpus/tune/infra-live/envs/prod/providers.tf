terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "acme-tfstate-prod"
    key            = "infra-live/prod/terraform.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "tfstate-locks"
    encrypt        = true
  }

  required_providers {
    aws        = { source = "hashicorp/aws", version = "~> 5.40" }
    cloudflare = { source = "cloudflare/cloudflare", version = "~> 4.30" }
    datadog    = { source = "DataDog/datadog", version = "~> 3.38" }
    hcloud     = { source = "hetznercloud/hcloud", version = "~> 1.45" }
  }
}

provider "aws" {
  region = var.region
}

provider "cloudflare" {
  api_token = var.cloudflare_api_token
}

provider "datadog" {
  api_key = var.datadog_api_key
  app_key = var.datadog_app_key
  api_url = "https://api.datadoghq.eu/"
}

# Build runners live at Hetzner (cheaper ARM).
provider "hcloud" {
  token = "⟦cloud:otO2ZRf9xagqImpJ7NbSww1FJpB0Ku7RxKK6tdvuGBDMvfKtbqMEKdTlahWB9p2J⟧"
}
