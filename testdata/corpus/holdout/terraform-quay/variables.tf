variable "region" {
  type    = string
  default = "eu-west-2"
}

variable "db_admin_password" {
  description = "RDS master password"
  type        = string
  sensitive   = true
  default     = "⟦generic:igx4Iq__U⁞cf4L0MluMZ⟧"
}

variable "fastly_api_key" {
  type      = string
  sensitive = true
  default   = "⟦cloud:MRORjHvp6Wgx⁞ZHmjNFn_kZXmPayH-FXq⟧"
}

variable "newrelic_api_key" {
  type      = string
  sensitive = true
}

variable "alibaba" {
  type = object({ access_key = string, secret_key = string })
  default = {
    access_key = "⟦cloud:LTAI5tHdDEJE⁞1YUunFcAArdn⟧"
    secret_key = "⟦cloud:cT5r7cj7iXsC⁞dDgbOtz5ER7VhtIJAL⟧"
  }
}
