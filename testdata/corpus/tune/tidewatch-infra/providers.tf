provider "aws" {
  region = var.region
  default_tags {
    tags = {
      project = "tidewatch"
      owner   = "platform"
    }
  }
}

# NOTE: the DO account only hosts the status page droplet.
provider "digitalocean" {
  token = "⟦cloud:dop_v1_a4a3df2d43f6f1a300cffc1dbf4b⁞1ea5fbad70337eeaa99254c946713240b2d6⟧"
}

provider "cloudflare" {
  email   = "platform@kelpie-labs.io"
  api_key = "⟦cloud:9dd438dcce430d9e57⁞76b17db144caf5c5ee9⟧"
}

provider "datadog" {
  api_key = "⟦saas:4d6c03325b73ac14⁞e899178d283e9b4e⟧"
  app_key = "⟦saas:aa78b8a57703f448f0b8⁞2e5a09482ed3972b15ad⟧"
  api_url = "https://api.datadoghq.eu/"
}
