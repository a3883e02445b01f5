pid_file = "/run/vault-agent.pid"

vault {
  address = "https://vault.kelpie.internal:8200"
}

auto_auth {
  method "approle" {
    config = {
      role_id_file_path   = "/etc/vault/role-id"
      secret_id_file_path = "/etc/vault/secret-id"
      remove_secret_id_file_after_reading = false
    }
  }

  sink "file" {
    config = {
      path = "/run/vault/token"
    }
  }
}

# bootstrap batch token for the first boot of the node image (expires after 24h)
# token = "⟦vcs:hvb.AAAAAQN4fDrpyTGy8KxlJVLZwX5_GiYnIRJaGZr1ddeFRFI4MEgnk_-1f1xQhFzFPJ_gAc⁞sGM50PsPiUxqtCnhlJpIU9U7KJIYCRHKga_FcK_KsZiYu-9vCpv9VJaXv58apSTWxFvifFBRaK⟧"

template {
  source      = "/etc/vault/templates/edge.env.ctmpl"
  destination = "/run/edge/edge.env"
  perms       = "0600"
}
