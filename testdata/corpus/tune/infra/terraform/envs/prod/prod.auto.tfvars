# prod values -- this file is in .gitignore (it wasn't, see INC-2291)
region              = "eu-west-1"
image_tag           = "v2024.03.4"
cloudflare_api_token = "⟦cloud:NZz⁞SNzAU08djwdh4ssytPIN9jvFsdf0mjb3r1eLx⟧"
datadog_api_key     = "⟦saas:1f3b9⁞236ec56669ca622d9b86b7e9c5e⟧"
datadog_app_key     = "⟦saas:d3⁞88f15ff7e5d1779783242ad240b62df3dcffb2⟧"
orders_db_password  = "⟦generic:2p+#uHxK1DuG5_X_e29v3⁞#Vr^9lt⟧"
alert_email         = "oncall@fernwood.dev"
replica_count       = 3
