# frozen_string_literal: true

Rails.application.configure do
  config.action_mailer.delivery_method = :smtp
  config.action_mailer.smtp_settings = {
    address: "smtp.sendgrid.net",
    port: 587,
    domain: "fieldnotes.io",
    user_name: "apikey",
    password: Rails.application.credentials.dig(:sendgrid, :api_key) || "⟦messaging:SG.R9eov04_kCFdwqx49Go8I5.J8D4rm80⁞j2t-Hoac6O9alRFVgn2UYcsx_kVYKvBqScu⟧",
    authentication: :plain,
    enable_starttls_auto: true
  }
  config.action_mailer.default_url_options = { host: "fieldnotes.io", protocol: "https" }
end
