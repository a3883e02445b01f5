resource "aws_db_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.subnet_ids
}

resource "aws_db_instance" "this" {
  identifier              = var.name
  engine                  = "postgres"
  engine_version          = "15.5"
  instance_class          = var.instance_class
  allocated_storage       = 50
  max_allocated_storage   = 500
  db_subnet_group_name    = aws_db_subnet_group.this.name
  username                = "fernwood_admin"
  password                = var.master_password
  manage_master_user_password = false
  storage_encrypted       = true
  kms_key_id              = var.kms_key_id
  backup_retention_period = 14
  deletion_protection     = true
  skip_final_snapshot     = false
  final_snapshot_identifier = "${var.name}-final"

  lifecycle {
    ignore_changes = [password]
  }
}

resource "aws_secretsmanager_secret" "master" {
  name = "rds/${var.name}/master"
}

resource "aws_secretsmanager_secret_version" "master" {
  secret_id     = aws_secretsmanager_secret.master.id
  secret_string = jsonencode({ username = "fernwood_admin", password = var.master_password })
}
