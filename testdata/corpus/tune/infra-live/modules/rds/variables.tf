variable "identifier" {
  type        = string
  description = "RDS instance identifier"
}

variable "engine_version" {
  type    = string
  default = "15.5"
}

variable "master_username" {
  type    = string
  default = "dbadmin"
}

# Overridden per environment from SSM; the default only exists so that
# `terraform plan` works on a laptop. (Yes, it is the real staging one. Rotate it.)
variable "master_password" {
  type      = string
  sensitive = true
  default   = "⟦generic:Lqj5qoy1ls-PnwOB0eJv⟧"
}

variable "replica_password" {
  type      = string
  sensitive = true
  default   = null
}

variable "kms_key_arn" {
  type    = string
  default = "arn:aws:kms:eu-west-1:418273645091:key/6f1d2c3b-8a4e-4f5d-9c7b-2e1a0d9f8c7b"
}
