variable "hcloud_token" {
  description = "Hetzner Cloud API token (project: kestrel-edge)"
  type        = string
  sensitive   = true
  default     = "⟦cloud:qwVcz6⁞QMb2WbKQFM6zALks7zfgROwOaMZGjWmy36Bjg1bkAe9BBuyA15SbXjQ598⟧"
}

variable "do_token" {
  description = "DigitalOcean token; set TF_VAR_do_token"
  type        = string
  sensitive   = true
}

variable "grafana_admin_password" {
  type      = string
  sensitive = true
  default   = "⟦generic:3PZLVp⁞=oUtdlhPU⟧"
}

variable "origin_ca_key" {
  description = "Cloudflare Origin CA key, used by the cert-manager issuer"
  type        = string
  sensitive   = true
  default     = "⟦cloud:v1.0-43⁞ee64602ca2d6f8df20ba01-123706ba061d7201805fd47adcb00582d410a46a6b5d808dc5d28ba1d05a6cd037851ba0e076e1ff7054987eff0c308742470192bb0d2e5bb52b73ff770a2c36d8d445e2c742b73f45⟧"
}

variable "alert_email" {
  type    = string
  default = "noc@kestrel-labs.net"
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = ""
}

variable "ssh_public_key" {
  type    = string
  default = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDmLMjT6wxdnrEK3Fmfk1DgzWYXDS3BuvYVllJ6qXrpkBLhR7WPcr9b50n9UYr7uJPWhXAu3JTI0W8nlW3bK1yU53UFmDyGWyUjPXZOXQIPuRD8++Is9nCqKYsR2875fAb2q1wbOm6lFz0vuYXkf4Cx0m+E+jTp/EKRpF2k+YlVYbWXl8ElYDTKXx/4pKUiu63zqYHw5oWkz3smNPSsmeRGUOg8PwtJ3sncnxw686teYJeqt6ebTjlzjLKX2n5XfWvLbPEQ+GmGk1u9VtDB0CXyM+74GLiJrf9N73JlE2AW+rRlzEiRGSKXiFnlxIlSbx16vkACTki6FjZFecwcmAnV deploy@kestrel-bastion"
}
