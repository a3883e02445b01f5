# prod values (non-secret values only — secrets are in TFC variables)
region_primary   = "eu-central"
region_secondary = "us-east"
edge_node_count  = 6
do_token         = "⟦cloud:dop_v1_dc⁞deeac07d8725ba89714c99c4c640492a5176f67b62acb0166dfc65f26c0f3d⟧"
alert_email      = "noc@kestrel-labs.net"
# was: do_token = "dop_v1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
monitoring_token = "REPLACE_ME"
image_digest     = "sha256:b213ab4ca69bf100517c569259b4abfa132e1cb8f788f6eccb219623d1ac9e45"
