package main

import (
	"context"
	"flag"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/fernwood/ingest/internal/config"
	"github.com/fernwood/ingest/internal/pipeline"
)

func main() {
	cfgPath := flag.String("config", "config/ingest.yaml", "path to the config file")
	flag.Parse()

	cfg, err := config.Load(*cfgPath)
	if err != nil {
		slog.Error("load config", "err", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	p, err := pipeline.New(cfg)
	if err != nil {
		slog.Error("build pipeline", "err", err)
		os.Exit(1)
	}
	if err := p.Run(ctx); err != nil && ctx.Err() == nil {
		slog.Error("pipeline stopped", "err", err)
		os.Exit(1)
	}
}
