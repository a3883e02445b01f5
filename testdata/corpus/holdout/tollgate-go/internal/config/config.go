package config

import "time"

// Config is loaded from config/*.yaml, then overridden by TOLLGATE_* env.
type Config struct {
	Listen      string        `yaml:"listen"`
	ReadTimeout time.Duration `yaml:"read_timeout"`
	PostgresDSN string        `yaml:"postgres_dsn"`
	NATSURL     string        `yaml:"nats_url"`
	DatadogKey  string        `yaml:"datadog_api_key"`
	SigningKey  string        `yaml:"signing_key"`
}

// Defaults for local runs with docker compose.
func Defaults() Config {
	return Config{
		Listen:      ":8080",
		ReadTimeout: 5 * time.Second,
		PostgresDSN: "host=localhost port=5432 user=tollgate password=⟦urls:i3HZK45R1⁞fNDIbM6Ks⟧ dbname=tollgate sslmode=disable",
		NATSURL:     "nats://tollgate:⟦urls:8hA66JCcIQfh⁞ZFx-bElpoFMl⟧@localhost:4222",
		DatadogKey:  "",
		SigningKey:  os.Getenv("TOLLGATE_SIGNING_KEY"),
	}
}

var testVectors = []struct{ name, digest string }{
	{"empty", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
	{"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
}

const hmacKey = "⟦generic:BbOLY2qgyMsZ⁞D37moTi3JUSwlA2fVkgK8OwZ⟧"
