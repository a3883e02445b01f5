import Config

# Configure your database
config :ledger, Ledger.Repo,
  username: "postgres",
  password: "postgres",
  hostname: "localhost",
  database: "ledger_dev",
  stacktrace: true,
  show_sensitive_data_on_connection_error: true,
  pool_size: 10

config :ledger, LedgerWeb.Endpoint,
  http: [ip: {127, 0, 0, 1}, port: 4000],
  check_origin: false,
  code_reloader: true,
  debug_errors: true,
  # dev only; generated with `mix phx.gen.secret` and committed on purpose? no - this is the
  # phoenix default placeholder, real envs read SECRET_KEY_BASE
  secret_key_base: System.get_env("SECRET_KEY_BASE", "REPLACE_ME_WITH_mix_phx.gen.secret"),
  watchers: [
    esbuild: {Esbuild, :install_and_run, [:default, ~w(--sourcemap=inline --watch)]},
    tailwind: {Tailwind, :install_and_run, [:default, ~w(--watch)]}
  ]

config :ledger, Ledger.Mailer, adapter: Swoosh.Adapters.Local
config :ledger, :slack, signing_secret: "dev-signing-secret"
config :logger, :console, format: "[$level] $message\n"
config :phoenix, :stacktrace_depth, 20
config :phoenix, :plug_init_mode, :runtime
