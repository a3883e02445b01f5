module github.com/fernwood/ingest

go 1.22

require (
	github.com/ClickHouse/clickhouse-go/v2 v2.18.0
	github.com/aws/aws-sdk-go-v2 v1.24.1
	github.com/aws/aws-sdk-go-v2/credentials v1.16.16
	github.com/aws/aws-sdk-go-v2/service/s3 v1.48.1
	github.com/segmentio/kafka-go v0.4.47
	github.com/slack-go/slack v0.12.3
	gopkg.in/yaml.v3 v3.0.1
)
