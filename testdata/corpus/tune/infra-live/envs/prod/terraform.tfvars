region          = "eu-west-1"
environment     = "prod"
vpc_cidr        = "10.40.0.0/16"
azs             = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]

cloudflare_zone_id    = "0f3b2d9c8a7e6f5d4c3b2a1908f7e6d5"
cloudflare_account_id = "7c1e4d2f9a8b3c6e5d4f1a2b3c4d5e6f"
cloudflare_api_token  = "⟦cloud:cfut_⁞1gisqgeKMmcyjBBpdK5t8cxyokxtAmUPNG25toWI7d054ca7⟧"

# account-owned token used by the zone module (scannable format since 2025)
cloudflare_account_token = "⟦cloud:cfat_⁞lQOoMa63Zamhznypg69G7Fb1UekDyJ1ZTeSxeDnFa0a7117c⟧"
# old global key, still needed by the workers-kv migration script
cloudflare_global_key    = "⟦cloud:cfk_⁞UtQCNwuhUapSZxbXcBQbA739qgH0Tfes3P1zNAaM5881f7d9⟧"
cloudflare_origin_ca_key = "⟦cloud:v1.0-⁞b42ba00e98e826aa63e8a4ef-353c74196d3bb2ca16bb55c66f0cbf7edc34a5dbd4607578369f82b3e9a4d7c333415e710745d5715ad7f7aa14a03a7788ca1d5a412857d949145583ba8ca7b78cb0192e4613cbaa7b⟧"

datadog_api_key = "⟦saas:5fe980b477ae677fc7f5f0f89264a8ee⟧"
datadog_app_key = "⟦saas:92f6f2f255e3ac26bdecaff902680b67fc4ca523⟧"

pagerduty_token = "⟦saas:u+⁞h1s3xSXp0yKQL2BTKn⟧"

sentry_auth_token        = "⟦saas:sntryu_⁞6f90334ff591f854120b51494d70cd28c98667aa1ec3ac5945347a5efd48c096⟧"
launchdarkly_access_token = "⟦saas:sdk-⁞d669c144-fbf0-4639-b06b-af1b7eaf83c1⟧"
grafana_cloud_access_policy_token = "⟦saas:glc_⁞eyJvIjoiOTI0NjQ2IiwibiI6InN0YWNrLTE4MDUwMS1obS13cml0ZS1sbXAzbTMiLCJrIjoiN3Z6ZXhKRlRzcmRTOHpXNWtvYXR1TmdlIiwibSI6eyJyIjoicHJvZC1ldS13ZXN0LTIifX0=⟧"
newrelic_api_key         = "⟦saas:NRAK-⁞6EWCWIG1006DEOXN4ZLUXPLJURO⟧"
newrelic_account_id      = 3918204
dynatrace_api_token      = "⟦saas:dt0c01.⁞O1AHS3VRR0XD39SZH9LP91DZ.VEN73PIOPZGVSYHJLQ7SZ9X050YP6D28EI6V7N6LIW55XK3EABYED1YHBMMFUMHR⟧"
okta_api_token           = "⟦saas:00⁞4PifNacGvKk5AkDxgfhW13wFJP5V82VBdEbqOiVj⟧"
onepassword_service_account_token = "⟦saas:ops_⁞eyJzaWduSW5BZGRyZXNzIjoibXkuMXBhc3N3b3JkLmNvbSIsInVzZXJBdXRoIjp7Im1ldGhvZCI6IlNSUGctNDA5NiIsImFsZyI6IlBCRVMyZy1IUzI1NiIsIml0ZXJhdGlvbnMiOjY1MDAwMCwic2FsdCI6ImNxMmpPZmpIVmktX0VsUUtfZWs5bFEifSwiZW1haWwiOiJmancyeG83dDh4d2gwQDFwYXNzd29yZHNlcnZpY2VhY2NvdW50cy5jb20iLCJzcnBYIjoiYmZiN2E4MzY2MzFmNzE3OTU5MDBlYzZiYmRiZDA2ODAxNTQ2NWYwOTU3Yzc5MDc5OTQ0NGNkZjNhZTE5ZDc5MCIsIm11ayI6eyJhbGciOiJBMjU2R0NNIiwiZXh0Ijp0cnVlLCJrIjoiSjVmRHR5d2FqdWlnZk9BTHFYbS1vVWQyd0tCZXpreUo0a0IwWTB2WGI1RSIsImtleV9vcHMiOlsiZW5jcnlwdCIsImRlY3J5cHQiXSwia3R5Ijoib2N0Iiwia2lkIjoibXAifSwic2VjcmV0S2V5IjoiQTMtQzI1S0lPLVJOVFBURS00SkMwWi1YU1hRRC1MMkNDNC0yUEdKRSIsInRocm90dGxlU2VjcmV0Ijp7InNlZWQiOiI3Y2Y0ZDI2ODhmMjIwMDIwZGVhOTVjZWQyYjRhOTcwMjRjNDVkODg3NDA1YmMyZjEyZjllNDY3OTkwZDc4YjMxIiwidXVpZCI6IklJWEE5N0dLMEJWSU9YTkU3N0lZWVpPUzRSIn0sImRldmljZVV1aWQiOiJmbTk1MW53bDY1Y2lxM2V6MjJyM3p2cjc5byJ9⟧"

github_app_id              = 389117
github_app_installation_id = 43120987
github_app_pem_file        = "../../secrets/github-app.pem"

# CI role assumed via OIDC, no static keys
ci_role_arn = "arn:aws:iam::418273645091:role/github-actions-infra-live"
