variable "cloudflare_api_token" {
  description = "Token with Zone:DNS:Edit on fernwood.dev"
  type        = string
  sensitive   = true
}

variable "orders_db_password" {
  description = "Master password for the orders RDS instance"
  type        = string
  sensitive   = true
  default     = "⟦generic:Tundra_362⁞9velvet#⟧"
}

variable "datadog_api_key" {
  type      = string
  sensitive = true
  default   = ""
}

variable "image_tag" {
  type    = string
  default = "latest"
}
