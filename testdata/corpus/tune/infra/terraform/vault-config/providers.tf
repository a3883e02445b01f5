provider "vault" {
  address = "https://vault.internal.fernwood.dev:8200"
  # periodic token for the terraform-vault-config pipeline (policy: admin-config)
  token   = "⟦vcs:hvs.CAE⁞SIIXFVNILhHri5IDo7Sd2pnCzh_RRgJw4ZZcw0RESf1iKcarApgztAbLVFIWvXHA7ganzXnwe-36x-6TqhJy0cT_⟧"
}

resource "vault_mount" "kv" {
  path        = "secret"
  type        = "kv-v2"
  description = "application secrets"
}

resource "vault_policy" "billing" {
  name   = "billing"
  policy = <<-EOT
    path "secret/data/billing/*" {
      capabilities = ["read"]
    }
  EOT
}

resource "vault_kubernetes_auth_backend_role" "billing" {
  backend                          = "kubernetes"
  role_name                        = "billing"
  bound_service_account_names      = ["billing"]
  bound_service_account_namespaces = ["billing"]
  token_policies                   = ["billing"]
  token_ttl                        = 3600
}
