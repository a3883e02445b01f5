module gitlab.kelpie.internal/platform/edge-proxy

go 1.22

require (
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/hashicorp/vault/api v1.14.0
	github.com/prometheus/client_golang v1.20.2
	github.com/redis/go-redis/v9 v9.6.1
	golang.org/x/time v0.6.0
)
