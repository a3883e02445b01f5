# Kestrel Labs edge network — multi-cloud because of the grant's
# "no single vendor" clause. Credentials SHOULD come from TF_VAR_* in CI.

terraform {
  required_version = ">= 1.6"
  cloud {
    organization = "kestrel-labs"
    workspaces { name = "edge-prod" }
  }
  required_providers {
    cloudflare   = { source = "cloudflare/cloudflare", version = "~> 4.30" }
    linode       = { source = "linode/linode", version = "~> 2.18" }
    hcloud       = { source = "hetznercloud/hcloud", version = "~> 1.47" }
    vultr        = { source = "vultr/vultr", version = "~> 2.19" }
    digitalocean = { source = "digitalocean/digitalocean", version = "~> 2.36" }
    fastly       = { source = "fastly/fastly", version = "~> 5.10" }
    scaleway     = { source = "scaleway/scaleway", version = "~> 2.40" }
  }
}

provider "cloudflare" {
  api_token = "⟦cloud:cfut_8X⁞B1QSa7buMV6BhEQ0AJMvq1My0R4PX4gqFECjUf0b96c1af⟧"
}

provider "cloudflare" {
  alias   = "legacy_dns"
  email   = "hostmaster@kestrel-labs.net"
  api_key = "⟦cloud:4a7d7e⁞4f33437f380200fb25df61197cc3a72⟧"
}

provider "linode" {
  token = "⟦cloud:452d27⁞48b76420691c6d5d5ccaf9368ab3e362d8be95e0dc35a9a971357a6485⟧"
}

provider "hcloud" {
  token = var.hcloud_token
}

provider "vultr" {
  api_key     = "⟦cloud:3BFNLB⁞X2HRSKCPGG6YJ0DW8DTLFHI1E6H67F⟧"
  rate_limit  = 100
  retry_limit = 3
}

provider "digitalocean" {
  token = var.do_token
}

provider "fastly" {
  api_key = "⟦cloud:Gkcqvj⁞MyMWJvKv1gFC5HDdSaM5o5hdSV⟧"
}

provider "scaleway" {
  access_key      = "⟦cloud:SCWI2F⁞RY4ZT5L7HR99O1⟧"
  secret_key      = "⟦cloud:b1371f60-c2aa-4f36-85⁞d3-28327a6c9bdb⟧"
  project_id      = "b4182580-8d83-4fc5-a2af-11e38e0af1b4"
  region          = "fr-par"
}

resource "cloudflare_origin_ca_certificate" "edge" {
  csr                = tls_cert_request.edge.cert_request_pem
  hostnames          = ["*.edge.kestrel-labs.net"]
  request_type       = "origin-ecc"
  requested_validity = 5475
}
