import Config

if config_env() == :prod do
  database_url =
    System.get_env("DATABASE_URL") ||
      raise """
      environment variable DATABASE_URL is missing.
      For example: ecto://USER:PASS@HOST/DATABASE
      """

  config :kelp_chat, KelpChat.Repo,
    url: database_url,
    pool_size: String.to_integer(System.get_env("POOL_SIZE") || "10")

  secret_key_base =
    System.fetch_env!("SECRET_KEY_BASE")

  config :kelp_chat, KelpChatWeb.Endpoint,
    url: [host: System.get_env("PHX_HOST") || "chat.kelpie-labs.io", port: 443, scheme: "https"],
    http: [ip: {0, 0, 0, 0, 0, 0, 0, 0}, port: 4000],
    secret_key_base: secret_key_base

  config :kelp_chat, :discord, bot_token: System.get_env("DISCORD_BOT_TOKEN")
end
