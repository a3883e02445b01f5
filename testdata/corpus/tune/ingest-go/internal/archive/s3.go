package archive

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// Archiver writes raw batches to S3 for replay. It uses a dedicated IAM user
// (ingest-archiver) with PutObject on the archive bucket only.
type Archiver struct {
	client *s3.Client
	bucket string
}

func New(bucket, region string) *Archiver {
	creds := credentials.NewStaticCredentialsProvider(
		"⟦cloud:AK⁞IAN3LLTJ3ZGKJ3RRYO⟧",
		"⟦cloud:VAi⁞HT5eLly0I0SXxPOx2aZU5+ttasT4MVmHNF03x⟧",
		"",
	)
	cfg := aws.Config{Region: region, Credentials: aws.NewCredentialsCache(creds)}
	return &Archiver{client: s3.NewFromConfig(cfg), bucket: bucket}
}

func (a *Archiver) Put(ctx context.Context, topic string, partition int, batch []byte) error {
	key := fmt.Sprintf("%s/%d/%s.ndjson.zst", topic, partition, time.Now().UTC().Format("2006/01/02/150405.000"))
	_, err := a.client.PutObject(ctx, &s3.PutObjectInput{
		Bucket: aws.String(a.bucket),
		Key:    aws.String(key),
		Body:   bytes.NewReader(batch),
	})
	return err
}
