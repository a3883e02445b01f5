import Config

if config_env() == :prod do
  database_url =
    System.get_env("DATABASE_URL") ||
      raise """
      environment variable DATABASE_URL is missing.
      For example: ecto://USER:PASS@HOST/DATABASE
      """

  config :ledger, Ledger.Repo,
    url: database_url,
    pool_size: String.to_integer(System.get_env("POOL_SIZE") || "10"),
    ssl: true

  secret_key_base =
    System.fetch_env!("SECRET_KEY_BASE")

  config :ledger, LedgerWeb.Endpoint,
    url: [host: "ledger.example.com", port: 443, scheme: "https"],
    secret_key_base: secret_key_base

  config :ledger, Ledger.Notifier.Postmark, server_token: System.fetch_env!("POSTMARK_SERVER_TOKEN")

  config :ledger, Ledger.Payouts.Wise,
    api_token: System.get_env("WISE_API_TOKEN"),
    profile_id: System.get_env("WISE_PROFILE_ID")
end
