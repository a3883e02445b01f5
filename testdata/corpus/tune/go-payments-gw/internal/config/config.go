// Package config loads the gateway configuration from the environment.
package config

import (
	"fmt"
	"os"
	"time"
)

// Config is the runtime configuration.
type Config struct {
	ListenAddr      string
	DatabaseURL     string
	StripeKey       string
	StripeWebhook   string
	BraintreeToken  string
	AdyenAPIKey     string
	ShutdownTimeout time.Duration
}

// FromEnv reads the configuration; secrets never have defaults.
func FromEnv() (Config, error) {
	c := Config{
		ListenAddr:      getenv("LISTEN_ADDR", ":8080"),
		DatabaseURL:     os.Getenv("DATABASE_URL"),
		StripeKey:       os.Getenv("STRIPE_SECRET_KEY"),
		StripeWebhook:   os.Getenv("STRIPE_WEBHOOK_SECRET"),
		BraintreeToken:  os.Getenv("BRAINTREE_ACCESS_TOKEN"),
		AdyenAPIKey:     os.Getenv("ADYEN_API_KEY"),
		ShutdownTimeout: 15 * time.Second,
	}
	if c.StripeKey == "" {
		return c, fmt.Errorf("STRIPE_SECRET_KEY is not set")
	}
	return c, nil
}

func getenv(k, def string) string {
	if v, ok := os.LookupEnv(k); ok {
		return v
	}
	return def
}

// Redacted prints the configuration for the startup log.
func (c Config) Redacted() string {
	return fmt.Sprintf("listen=%s db=%s stripe=%s", c.ListenAddr, "postgres://***@***/***", "sk_live_…")
}
