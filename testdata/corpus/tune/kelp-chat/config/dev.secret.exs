import Config

# Local-only secrets. This file is gitignored... except it wasn't, for a while.
config :kelp_chat, KelpChatWeb.Endpoint,
  secret_key_base: "⟦generic:9LsbmGXr72f5/ilHqPpnR9UEzL0d4qr5⁞PW9rhFb3zhEXqgaI51F0Xadmohjxsh0b⟧"

config :kelp_chat, :telegram,
  bot_token: "⟦messaging:8653037971:AAKmba0WpIzL⁞stIUKZzZ-qxh_jZ01GJUgI0⟧",
  chat_id: -1008126284843

config :kelp_chat, KelpChat.Repo,
  username: "postgres",
  password: "postgres",
  hostname: "localhost",
  database: "kelp_chat_dev"
