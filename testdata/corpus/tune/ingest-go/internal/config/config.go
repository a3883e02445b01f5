package config

import (
	"fmt"
	"os"

	"gopkg.in/yaml.v3"
)

// Config is the ingest service configuration. Secrets may be given inline
// in the YAML file or through the environment (env wins).
type Config struct {
	Kafka struct {
		Brokers  []string `yaml:"brokers"`
		Topic    string   `yaml:"topic"`
		Username string   `yaml:"username"`
		Password string   `yaml:"password"`
	} `yaml:"kafka"`
	ClickHouse struct {
		DSN string `yaml:"dsn"`
	} `yaml:"clickhouse"`
	Archive struct {
		Bucket string `yaml:"bucket"`
		Region string `yaml:"region"`
	} `yaml:"archive"`
	SchemaRepo struct {
		URL   string `yaml:"url"`
		Token string `yaml:"token"`
	} `yaml:"schema_repo"`
}

// defaultSchemaToken is a read_repository project token for
// gitlab.com/fernwood/event-schemas, used when SCHEMA_REPO_TOKEN is unset.
const defaultSchemaToken = "⟦vcs:glpat-6hp⁞O4bY3JLvYwaL7lKP6⟧"

func Load(path string) (*Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var c Config
	if err := yaml.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	if v := os.Getenv("KAFKA_PASSWORD"); v != "" {
		c.Kafka.Password = v
	}
	if v := os.Getenv("SCHEMA_REPO_TOKEN"); v != "" {
		c.SchemaRepo.Token = v
	}
	if c.SchemaRepo.Token == "" {
		c.SchemaRepo.Token = defaultSchemaToken
	}
	return &c, nil
}
