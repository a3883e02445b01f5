output "orders_db_endpoint" {
  value = module.orders_db.endpoint
}

output "orders_db_password" {
  value     = var.orders_db_password
  sensitive = true
}

output "cdn_domain" {
  value = aws_cloudfront_distribution.storefront.domain_name
}
