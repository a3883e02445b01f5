resource "aws_db_subnet_group" "main" {
  name       = "tidewatch-${var.environment}"
  subnet_ids = module.vpc.private_subnets
}

resource "aws_db_instance" "main" {
  identifier                  = "tidewatch-${var.environment}"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = var.environment == "production" ? "db.r6g.large" : "db.t4g.medium"
  allocated_storage           = 100
  storage_encrypted           = true
  username                    = "tw_admin"
  password                    = var.db_password
  db_subnet_group_name        = aws_db_subnet_group.main.name
  vpc_security_group_ids      = [aws_security_group.db.id]
  backup_retention_period     = 14
  deletion_protection         = var.environment == "production"
  skip_final_snapshot         = var.environment != "production"
  performance_insights_enabled = true
}

resource "aws_secretsmanager_secret" "db" {
  name = "tidewatch/${var.environment}/db"
}

resource "aws_secretsmanager_secret_version" "db" {
  secret_id = aws_secretsmanager_secret.db.id
  secret_string = jsonencode({
    username = aws_db_instance.main.username
    password = var.db_password
    host     = aws_db_instance.main.address
  })
}

resource "random_password" "grafana_admin" {
  length  = 32
  special = true
}
