library(DBI)
library(httr2)

con <- dbConnect(
  RPostgres::Postgres(),
  host = "warehouse.riverbend.internal",
  dbname = "hydro",
  user = "analyst",
  password = "⟦generic:rPlJ_qsM⁞j0JAO7ym9⟧"
)

# ClickHouse archive of gauge readings
archive_url <- "clickhouse://reader:⟦urls:h-_p88UuUk⁞DrgYEkZh17⟧@ch.riverbend.internal:9000/gauges"

together_key <- "⟦ai:tgp_v1_u_Vt3⁞fARFHa6jG2_BAD42DCG8iJ9EPujlnZYz884e0d⟧"
Sys.setenv(TOGETHER_API_KEY = together_key)
Sys.setenv(DEEPSEEK_API_KEY = "⟦ai:sk-1a5c37a28⁞82ed34635a301fdd44a6d62⟧")

req <- request("https://api.fireworks.ai/inference/v1/chat/completions") |>
  req_auth_bearer_token("⟦ai:fw_ejkO9nxDg⁞3SVDYzEOyYhSC8w⟧") |>
  req_body_json(list(model = "accounts/fireworks/models/llama-v3p1-8b-instruct"))

# station id and md5 of the last export, for provenance
station <- "USGS-01646500"
export_md5 <- "d41d8cd98f00b204e9800998ecf8427e"
