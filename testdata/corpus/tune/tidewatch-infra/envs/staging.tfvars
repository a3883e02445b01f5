environment       = "staging"
region            = "eu-north-1"
db_password       = "⟦generic:mtdO=B%S6u⁞xwyjGp8^w2p⟧"
api_image_digest  = "sha256:5d451a6dbacb63f97806295821ac4f7bcd15e7046464211fe5548981e9d13cc8"
allowed_cidrs     = ["10.12.0.0/16", "10.40.0.0/16"]
