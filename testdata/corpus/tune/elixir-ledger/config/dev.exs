import Config

# Configure your database
config :ledger, Ledger.Repo,
  url: "ecto://ledger_dev:⟦urls:Y3a7CSZgsLJr2OMkEW⟧@localhost/ledger_dev",
  stacktrace: true,
  show_sensitive_data_on_connection_error: true,
  pool_size: 10

config :ledger, LedgerWeb.Endpoint,
  http: [ip: {127, 0, 0, 1}, port: 4000],
  check_origin: false,
  code_reloader: true,
  debug_errors: true,
  secret_key_base: "⟦generic:GVpHiS0Ra0wtq+RYjG4YlJhSQh+4F9TuDht6PBEmH+yYglBR7wg3RjC2rOAaryh0dgBmwQ3hSPzfgJkW8sG6m2YtkOFh/cP5FVenJSD/T+U=⟧",
  watchers: [
    esbuild: {Esbuild, :install_and_run, [:ledger, ~w(--sourcemap=inline --watch)]},
    tailwind: {Tailwind, :install_and_run, [:ledger, ~w(--watch)]}
  ]

config :ledger, Ledger.Notifier.Postmark,
  server_token: "⟦messaging:3ccabb6e-1ff3-459e-96ae-0bd2531cc6d2⟧"

config :ledger, Ledger.FX,
  provider: Ledger.FX.OpenExchangeRates,
  # dev key, 1k req/month
  app_id: "${OXR_APP_ID}"

config :ledger, Ledger.Integrations,
  postman_api_key: "⟦saas:PMAK-⁞d48b441a564d874170744b34-a8d1822e0f458b9276c717452588e57521⟧",
  rollbar_token: "⟦saas:be8e2e12d94b86f60d15331016866895⟧",
  planetscale_token: "⟦saas:pscale_tkn_⁞-t09KvoSbIME8JYAAhzRG4Jr_mpJCebBG6y0fNeg4mP⟧"

config :logger, :console, format: "[$level] $message\n"
config :phoenix, :plug_init_mode, :runtime
