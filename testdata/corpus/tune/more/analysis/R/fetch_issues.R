# Pull issue metadata for the quarterly report
library(gh)
library(dplyr)
library(readr)

# gh() picks up GITHUB_PAT; set it here because RStudio Server does not read .Renviron
Sys.setenv(GITHUB_PAT = "⟦vcs:ghp_JuZgcAvEkZhDCONT⁞MYE7xtjyzkLr7k2g474S⟧")

token_ok <- nchar(Sys.getenv("GITHUB_PAT")) > 0
stopifnot(token_ok)

issues <- gh("GET /repos/{owner}/{repo}/issues", owner = "acme-data", repo = "pipeline",
             state = "all", .limit = Inf)

df <- tibble(
  number = vapply(issues, `[[`, integer(1), "number"),
  state  = vapply(issues, `[[`, character(1), "state"),
  title  = vapply(issues, `[[`, character(1), "title")
)

con <- DBI::dbConnect(RPostgres::Postgres(), host = "warehouse.internal", dbname = "reporting",
                      user = "analyst", password = Sys.getenv("WAREHOUSE_PASSWORD"))
DBI::dbWriteTable(con, "gh_issues", df, overwrite = TRUE)
write_csv(df, "out/issues.csv")
