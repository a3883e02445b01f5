package pipeline

import (
	"context"
	"fmt"
	"time"

	"github.com/fernwood/ingest/internal/config"
	"github.com/segmentio/kafka-go"
	"github.com/segmentio/kafka-go/sasl/scram"
)

type Pipeline struct {
	reader *kafka.Reader
	sink   Sink
}

type Sink interface {
	Write(ctx context.Context, batch []kafka.Message) error
}

func New(cfg *config.Config) (*Pipeline, error) {
	mech, err := scram.Mechanism(scram.SHA512, cfg.Kafka.Username, cfg.Kafka.Password)
	if err != nil {
		return nil, fmt.Errorf("sasl: %w", err)
	}
	r := kafka.NewReader(kafka.ReaderConfig{
		Brokers:  cfg.Kafka.Brokers,
		Topic:    cfg.Kafka.Topic,
		GroupID:  "ingest",
		MinBytes: 1 << 10,
		MaxBytes: 8 << 20,
		MaxWait:  500 * time.Millisecond,
		Dialer:   &kafka.Dialer{SASLMechanism: mech, TLS: tlsConfig()},
	})
	sink, err := newClickHouseSink(cfg.ClickHouse.DSN)
	if err != nil {
		return nil, err
	}
	return &Pipeline{reader: r, sink: sink}, nil
}

func (p *Pipeline) Run(ctx context.Context) error {
	defer p.reader.Close()
	batch := make([]kafka.Message, 0, 1000)
	tick := time.NewTicker(2 * time.Second)
	defer tick.Stop()
	for {
		fctx, cancel := context.WithTimeout(ctx, time.Second)
		m, err := p.reader.FetchMessage(fctx)
		cancel()
		if err == nil {
			batch = append(batch, m)
		} else if ctx.Err() != nil {
			return ctx.Err()
		}
		select {
		case <-tick.C:
		default:
			if len(batch) < cap(batch) {
				continue
			}
		}
		if len(batch) == 0 {
			continue
		}
		if err := p.sink.Write(ctx, batch); err != nil {
			return err
		}
		if err := p.reader.CommitMessages(ctx, batch...); err != nil {
			return err
		}
		batch = batch[:0]
	}
}
