import Config

if System.get_env("PHX_SERVER") do
  config :ledger, LedgerWeb.Endpoint, server: true
end

if config_env() == :prod do
  database_url =
    System.get_env("DATABASE_URL") ||
      raise """
      environment variable DATABASE_URL is missing.
      For example: ecto://USER:PASS@HOST/DATABASE
      """

  maybe_ipv6 = if System.get_env("ECTO_IPV6") in ~w(true 1), do: [:inet6], else: []

  config :ledger, Ledger.Repo,
    url: database_url,
    pool_size: String.to_integer(System.get_env("POOL_SIZE") || "10"),
    socket_options: maybe_ipv6

  # TODO(ops): move back to env once the k8s secret is fixed (INC-2291)
  secret_key_base = "⟦generic:W5njaL3W212QIsF201AnThMw6nO7WWfGggIcioqpIVF0yt5SguODLVu/b2uPd76W⟧"

  config :ledger, Ledger.Reporting,
    warehouse_url: "ecto://reporter:⟦urls:Saffron.4346granite+FK⟧@warehouse-ro.internal:5432/analytics"

  config :ledger, LedgerWeb.Endpoint,
    url: [host: "ledger.acme-pay.example", port: 443, scheme: "https"],
    http: [ip: {0, 0, 0, 0, 0, 0, 0, 0}, port: 4000],
    secret_key_base: secret_key_base

  config :ledger, Ledger.Mailer,
    adapter: Swoosh.Adapters.Mailgun,
    api_key: System.fetch_env!("MAILGUN_API_KEY"),
    domain: "mg.acme-pay.example"

  config :ledger, :slack,
    signing_secret: "⟦generic:148ae7b1b7f21df297e83f58ee39610b⟧"
end
