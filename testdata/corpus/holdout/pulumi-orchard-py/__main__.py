"""Orchard analytics stack (Pulumi, Python)."""
import pulumi
import pulumi_databricks as databricks
import pulumi_azure_native as azure_native

cfg = pulumi.Config()

provider = databricks.Provider(
    "dbx",
    host="https://adb-4455667788990011.11.azuredatabricks.net",
    token="⟦saas:dapi6e81d0d5⁞8be2b9b60e873d2c409bfa8d⟧",
)

storage_conn = (
    "DefaultEndpointsProtocol=https;AccountName=orchardlake;"
    "AccountKey=⟦cloud:rVvVTVMk9ggO⁞Aq+4zEI80uz1oP1gRP3Necj3dKOo0aeGc/68v7gPjLjfakTExu11cq4PYKYpdi1Yc4OR1b//RQ==⟧;EndpointSuffix=core.windows.net"
)

sp = azure_native.authorization.RoleAssignment(
    "etl-reader",
    principal_id="9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
    role_definition_id="/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7",
    scope=cfg.require("subscriptionScope"),
)

AZURE_CLIENT_ID = "c2d4e6f8-1a3b-4c5d-9e7f-0a1b2c3d4e5f"
AZURE_CLIENT_SECRET = "⟦cloud:uxV0Q~0JaM.M⁞zfyRkk6F52xd9_YTIC14R6ZpMwe1⟧"
pulumi.export("storage_conn", pulumi.Output.secret(storage_conn))
