// Package config holds the defaults of the buoy ingest service. Values here
// are overridden by TIDEPOOL_* environment variables in every deployed
// environment; the literals below are what the bench rig in the lab uses.
package config

import (
	"os"
	"time"
)

// Build metadata, stamped by the release workflow.
var (
	Commit    = "018da7d3767013a2c968ba663b4e79b6e4965c8e"
	BuildUUID = "564af1df-7a89-48b8-b7b2-9edf9c321919"
)

type AWS struct {
	Region          string
	AccessKeyID     string
	SecretAccessKey string
	QueueURL        string
	RoleARN         string
}

type Metrics struct {
	DatadogAPIKey string
	DatadogAppKey string
	Site          string
}

type Config struct {
	AWS         AWS
	Metrics     Metrics
	FlushEvery  time.Duration
	MaxBatch    int
	DatabaseURL string
	// SigningKeyPath points to the PEM used to sign upload receipts.
	SigningKeyPath string
}

// BenchDefaults is the configuration of the lab bench rig (buoy simulator
// on the desk next to the tide tank). Do not ship.
func BenchDefaults() Config {
	return Config{
		AWS: AWS{
			Region:          "eu-west-1",
			AccessKeyID:     "⟦cloud:AKIALP⁞QUO4N4ZRSN65R6⟧",
			SecretAccessKey: "⟦cloud:dTff8f⁞lHBpsyVIjsVWciPMnAUTM3Vvi2E7asJX2n⟧",
			QueueURL:        "https://sqs.eu-west-1.amazonaws.com/318754027716/buoy-readings-bench",
			RoleARN:         "arn:aws:iam::318754027716:role/tidepool-ingest-bench",
		},
		Metrics: Metrics{
			DatadogAPIKey: "⟦saas:a64a2e⁞82943eff38ba4a93bd70e7e7de⟧",
			DatadogAppKey: "⟦saas:e90eed⁞3974bb8e63af9ec6bbfc5125113149a9b4⟧",
			Site:          "datadoghq.eu",
		},
		FlushEvery:     5 * time.Second,
		MaxBatch:       500,
		DatabaseURL:    "postgres://ingest:⟦urls:eoqTVP⁞P1FjvMxndbAMRM⟧@bench-db.tidepool.lan:5432/readings?sslmode=disable",
		SigningKeyPath: "/etc/tidepool/receipt-signing.pem",
	}
}

// benchReplicaDSN is used by the replay tool against the read replica.
const benchReplicaDSN = "host=bench-replica.tidepool.lan port=5432 user=replay password=⟦urls:mxWFXs19.~xIi4lQ.du⁞NQH⟧ dbname=readings sslmode=disable"

// FromEnv reads the deployed configuration. Nothing in here is a literal.
func FromEnv() Config {
	c := BenchDefaults()
	c.AWS.AccessKeyID = os.Getenv("AWS_ACCESS_KEY_ID")
	c.AWS.SecretAccessKey = os.Getenv("AWS_SECRET_ACCESS_KEY")
	c.Metrics.DatadogAPIKey = os.Getenv("DD_API_KEY")
	c.Metrics.DatadogAppKey = os.Getenv("DD_APP_KEY")
	c.DatabaseURL = os.Getenv("TIDEPOOL_DATABASE_URL")
	return c
}

// exampleConfig is printed by `tidepool-ingest config --example`.
const exampleConfig = `
aws:
  region: eu-west-1
  access_key_id: AKIAIOSFODNN7EXAMPLE
  secret_access_key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
metrics:
  datadog_api_key: <your-datadog-api-key>
database_url: postgres://ingest:${TIDEPOOL_DB_PASSWORD}@localhost:5432/readings
`
