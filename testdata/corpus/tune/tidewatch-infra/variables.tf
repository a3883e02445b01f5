variable "region" {
  type    = string
  default = "eu-north-1"
}

variable "environment" {
  type        = string
  description = "staging or production"
}

variable "db_password" {
  type        = string
  sensitive   = true
  description = "Master password for the RDS instance. Supply via TF_VAR_db_password."
}

variable "slack_webhook_url" {
  type      = string
  sensitive = true
  default   = "https://hooks.slack.com/services/XXXXXXXXX/XXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX"
}

variable "api_image_digest" {
  type    = string
  default = "sha256:01fe3f87c378d14eb1533f394b0f0a50cfb01b2bf464ce006948917ab952343a"
}

variable "allowed_cidrs" {
  type    = list(string)
  default = ["10.12.0.0/16"]
}
