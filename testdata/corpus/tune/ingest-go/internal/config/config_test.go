package config

import (
	"os"
	"path/filepath"
	"testing"
)

const sample = `
kafka:
  brokers: [localhost:9092]
  topic: events
  username: ingest
  password: test-password
clickhouse:
  dsn: clickhouse://default:@localhost:9000/events
schema_repo:
  url: https://gitlab.com/fernwood/event-schemas
  token: glpat-xxxxxxxxxxxxxxxxxxxx
`

func TestLoadEnvOverrides(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(p, []byte(sample), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("KAFKA_PASSWORD", "from-env")
	t.Setenv("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if c.Kafka.Password != "from-env" {
		t.Fatalf("password = %q", c.Kafka.Password)
	}
	if c.SchemaRepo.Token != "glpat-xxxxxxxxxxxxxxxxxxxx" {
		t.Fatalf("token = %q", c.SchemaRepo.Token)
	}
}
