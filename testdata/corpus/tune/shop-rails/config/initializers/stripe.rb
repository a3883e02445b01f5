# frozen_string_literal: true

Rails.configuration.stripe = {
  publishable_key: ENV.fetch("STRIPE_PUBLISHABLE_KEY", "pk_live_tgSMGptx2d09vQVWOZo7qYeX7irAosHQkIgoxmc69WutKgFEbHuJFbX0gnEjTqAnBRhEcjACkzBmggv4dOKKJAjQ7M6JslzhFDF"),
  # restricted key: charges:write, customers:read, refunds:write
  secret_key: ENV.fetch("STRIPE_SECRET_KEY", "⟦payments:rk_live_Oidvj⁞lEpO1JoTNbZspeJnti26dY6XW92Ka0VhahLzVaNnAycVP3fSDIvvBXudmaZOXeAXxhuizCw4vU0FsPA2aXhGIfgLQGZYmY⟧")
}

Stripe.api_key = Rails.configuration.stripe[:secret_key]
Stripe.max_network_retries = 2
Stripe.log_level = Rails.env.production? ? Stripe::LEVEL_INFO : Stripe::LEVEL_DEBUG
