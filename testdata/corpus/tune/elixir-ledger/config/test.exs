import Config

config :ledger, Ledger.Repo,
  username: "postgres",
  database: "ledger_test#{System.get_env("MIX_TEST_PARTITION")}",
  hostname: "localhost",
  pool: Ecto.Adapters.SQL.Sandbox

config :ledger, LedgerWeb.Endpoint,
  http: [ip: {127, 0, 0, 1}, port: 4002],
  secret_key_base: "test-only-secret-key-base-that-is-long-enough-for-phoenix-0000000000",
  server: false

config :ledger, Ledger.Notifier.Postmark, server_token: "POSTMARK_API_TEST"
config :logger, level: :warning
