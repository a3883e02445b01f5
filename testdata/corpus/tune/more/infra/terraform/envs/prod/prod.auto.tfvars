environment        = "prod"
region             = "eu-west-1"
vpc_cidr           = "10.40.0.0/16"
availability_zones = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]

db_instance_class = "db.r6g.large"
db_username       = "app_admin"
db_password       = "⟦generic:River+3983river_UN⟧"

cloudflare_zone_id   = "fc0b59983e48b372b5a77964b1987ca8"
cloudflare_api_token = "⟦cloud:oIr01irx4QeBe6cll33r⁞tXTFrvFSUdlfdQ-kzkSr⟧"

datadog_api_key = "⟦saas:fbc33340d0582728⁞65525e3bfa6f06e2⟧"
datadog_app_key = "⟦saas:aae2a671bdf35ca4ee0d⁞44ede2c57ed0be55af11⟧"

tags = {
  owner       = "platform"
  cost_center = "cc-1042"
}
