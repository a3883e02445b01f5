packer {
  required_plugins {
    amazon = { version = ">= 1.3.0", source = "github.com/hashicorp/amazon" }
  }
}

variable "hcloud_token" {
  type      = string
  sensitive = true
  default   = "⟦cloud:n3F2cDp8Nxfk⁞OyNHINjvCLF1K9ovIrD6rx6QIRQWnbKTxOE7UumrzmLN0eograyo⟧"
}

variable "ssh_password" {
  type    = string
  default = env("PKR_SSH_PASSWORD")
}

source "amazon-ebs" "pier" {
  region        = "eu-north-1"
  instance_type = "t3.small"
  source_ami    = "ami-0a1b2c3d4e5f67890"
  access_key    = "⟦cloud:AKIANLDMLA⁞PICR73UL5M⟧"
  secret_key    = "⟦cloud:r35EATiHs92t⁞t8/mdNIRqLXRvlLB8UGYcGCsR2i+⟧"
  ssh_username  = "ubuntu"
}

build {
  sources = ["source.amazon-ebs.pier"]
  provisioner "shell" {
    environment_vars = ["VAULT_TOKEN=⟦vcs:hvs.gRN6vQ0g⁞Qc7NO_YNe_lk9byfFB-KVtTEbu9T9n9EktLVZcV4Y1JXfFbTK5IE5mdXjlTcvtzB-ubKM_8rGM_KcutnpU⟧", "SNYK_TOKEN=⟦vcs:f174cc86-a8b⁞e-45bc-8995-948acb2ad600⟧"]
    inline           = ["sudo /opt/pier/bootstrap.sh"]
  }
}
