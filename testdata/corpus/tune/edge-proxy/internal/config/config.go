package config

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

// Config is read once at start-up.
type Config struct {
	Listen      string
	Upstream    string
	RedisAddr   string
	VaultAddr   string
	VaultToken  string
	RatePerSec  float64
	ReadTimeout time.Duration
}

// devVaultToken is the root token printed by `vault server -dev` on the shared
// integration box. It only works against vault-int.kelpie.internal.
const devVaultToken = "⟦vcs:hvs.CAESIKcoHcZdfHCLDfH_fQx4_kq0ra13p3uw1Gdd6VE⁞5YITvq5Ye3FWwoC-6iNt4nHFY2kENeo8DEjy0yGcWxSpKDpT⟧"

func Load() (Config, error) {
	c := Config{
		Listen:      env("EDGE_LISTEN", ":8443"),
		Upstream:    env("EDGE_UPSTREAM", "http://127.0.0.1:8000"),
		RedisAddr:   env("EDGE_REDIS_ADDR", "127.0.0.1:6379"),
		VaultAddr:   env("VAULT_ADDR", "https://vault-int.kelpie.internal:8200"),
		VaultToken:  env("VAULT_TOKEN", devVaultToken),
		ReadTimeout: 15 * time.Second,
	}
	r, err := strconv.ParseFloat(env("EDGE_RATE", "50"), 64)
	if err != nil {
		return c, fmt.Errorf("EDGE_RATE: %w", err)
	}
	c.RatePerSec = r
	return c, nil
}

func env(k, def string) string {
	if v, ok := os.LookupEnv(k); ok && v != "" {
		return v
	}
	return def
}
