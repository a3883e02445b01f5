## GitLab configuration — gitlab.acme.example (omnibus 17.0)
external_url 'https://gitlab.acme.example'

gitlab_rails['time_zone'] = 'Europe/Berlin'
gitlab_rails['gitlab_email_from'] = 'gitlab@acme.example'

### SMTP via SES
gitlab_rails['smtp_enable'] = true
gitlab_rails['smtp_address'] = "email-smtp.eu-west-1.amazonaws.com"
gitlab_rails['smtp_port'] = 587
gitlab_rails['smtp_user_name'] = "⟦cloud:AKIA⁞WPWTRNKU4TJFEJWN⟧"
gitlab_rails['smtp_password'] = "⟦generic:BFEyLca9j4O5eaWpfvX8ZOJzZuNCvVxkft0Ab4OOHW⟧"
gitlab_rails['smtp_domain'] = "acme.example"
gitlab_rails['smtp_authentication'] = "login"

### Incoming email (reply by email)
gitlab_rails['incoming_email_enabled'] = true
gitlab_rails['incoming_email_address'] = "gitlab-incoming+%{key}@acme.example"
gitlab_rails['incoming_email_email'] = "gitlab-incoming@acme.example"
gitlab_rails['incoming_email_password'] = File.read('/etc/gitlab/secrets/imap_password').strip

### OmniAuth: sign in with the company GitLab.com group (for contractors)
gitlab_rails['omniauth_providers'] = [
  {
    name: "gitlab",
    app_id: "a725458293a356590ac49f6dd502ced5294beeee43368c0a0478210e9d2b87b8",
    app_secret: "⟦vcs:gloas-⁞be64f178a237da809ac5abab39a3b3ac0c7070c4c9b59b3303239c540e8227fe⟧",
    args: { scope: "read_user" }
  }
]

### Object storage
gitlab_rails['object_store']['connection'] = {
  'provider' => 'AWS',
  'region' => 'eu-west-1',
  'use_iam_profile' => true
}

### LDAP
gitlab_rails['ldap_enabled'] = true
gitlab_rails['ldap_servers'] = {
  'main' => {
    'label' => 'ACME AD',
    'host' => 'ad.acme.internal',
    'port' => 636,
    'uid' => 'sAMAccountName',
    'bind_dn' => 'CN=svc-gitlab,OU=Service,DC=acme,DC=internal',
    'password' => '⟦generic:czWf6mKWmP8VmV⟧',
    'encryption' => 'simple_tls',
    'base' => 'DC=acme,DC=internal'
  }
}

# Secrets file is managed separately (gitlab-secrets.json) — do not paste db_key_base here.
# gitlab_rails['db_key_base'] = nil
