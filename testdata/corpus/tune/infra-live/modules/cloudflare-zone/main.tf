resource "cloudflare_record" "apex" {
  zone_id = var.zone_id
  name    = "@"
  value   = var.origin_ip
  type    = "A"
  proxied = true
}

resource "cloudflare_origin_ca_certificate" "origin" {
  csr                = tls_cert_request.origin.cert_request_pem
  hostnames          = [var.domain, "*.${var.domain}"]
  request_type       = "origin-rsa"
  requested_validity = 5475
}

# The Origin CA service key is separate from the API token. It is read from
# the environment (CLOUDFLARE_API_USER_SERVICE_KEY) by the provider; the value
# below is the format, copied from the docs, not a key.
#   origin_ca_key = "v1.0-<24 hex chars>-<146 hex chars>"

resource "tls_private_key" "origin" {
  algorithm = "RSA"
  rsa_bits  = 2048
}

resource "tls_cert_request" "origin" {
  private_key_pem = tls_private_key.origin.private_key_pem
  subject {
    common_name = var.domain
  }
}

resource "aws_ssm_parameter" "origin_key" {
  name  = "/edge/${var.domain}/origin-key"
  type  = "SecureString"
  value = tls_private_key.origin.private_key_pem
}
