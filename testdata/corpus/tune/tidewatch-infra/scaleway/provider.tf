terraform {
  required_providers {
    scaleway = {
      source  = "scaleway/scaleway"
      version = "~> 2.45"
    }
  }
}

provider "scaleway" {
  access_key = "⟦cloud:SCWY646Y4E⁞UEFNQRVV2S⟧"
  secret_key = "⟦cloud:95a75722-bea3-4897⁞-9986-ea2b870d9923⟧"
  project_id = "853188ef-5a9d-4fcd-abd5-b825e5152c8c"
  zone       = "fr-par-2"
  region     = "fr-par"
}

resource "scaleway_object_bucket" "cold_archive" {
  name = "tidewatch-cold-archive"
  lifecycle_rule {
    enabled = true
    transition {
      days          = 30
      storage_class = "GLACIER"
    }
  }
}
