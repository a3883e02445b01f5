environment      = "production"
region           = "eu-north-1"
# db_password comes from TF_VAR_db_password in the Terraform Cloud workspace
api_image_digest = "sha256:103abf877678b8156565cebbb1489f92bf634d13a1b9910fd6b2d106402df474"
allowed_cidrs    = ["10.12.0.0/16"]
