provider "newrelic" {
  account_id = 3141592
  api_key    = var.newrelic_api_key
  region     = "EU"
}

provider "ibm" {
  ibmcloud_api_key = "⟦cloud:cIU-S7xEiXQw⁞TJdpo9dAEmNmmrsgruSZFERNzaII-aYX⟧"
  region           = "eu-de"
}

provider "yandex" {
  token     = "⟦cloud:t1.9euelZBgD⁞wGkajtX5Dxr8NeOBUDPllVJIeCf03qTA8J70dcYONGp329NeOpfUr3iE9ueepzUzouDmp_92-GhPkyE9vQzBS15Up31NvEdzxAmBqySXrQzNw4alNTi5tUFso4UYG178o9pfu-FArAZLdT_eH-B.YcMQzFJudDNbVKa7X3AfJF7ZR4mWwGa5q_lmW2kzPxI05f1_Zrbo8JfyCNpqExaiZEugczBmL9yp9lQjWsaTSH⟧"
  cloud_id  = "b1gia87mbaomkfvsleds"
  folder_id = "b1g0ijbfaqsn12bqbl9q"
}

provider "scaleway" {
  access_key = "⟦cloud:SCWRO304FM⁞86YZHZO8HM⟧"
  secret_key = "⟦cloud:5b86ad72-31f⁞e-4af8-b99c-db302223d024⟧"
  project_id = "4b7e2c1a-9d3f-4e5a-8b6c-0d1e2f3a4b5c"
}

provider "cloudflare" {
  email   = "infra@quay.example"
  api_key = "⟦cloud:72cf8b312760⁞a261da3e5eafd51bb3c5a6f28⟧"
}

provider "digitalocean" {
  token = var.do_token
}
