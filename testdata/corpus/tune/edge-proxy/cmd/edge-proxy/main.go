package main

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/signal"
	"syscall"
	"time"

	"gitlab.kelpie.internal/platform/edge-proxy/internal/config"
	"gitlab.kelpie.internal/platform/edge-proxy/internal/ratelimit"
)

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	cfg, err := config.Load()
	if err != nil {
		log.Error("config", "err", err)
		os.Exit(1)
	}
	up, err := url.Parse(cfg.Upstream)
	if err != nil {
		log.Error("upstream", "err", err)
		os.Exit(1)
	}
	proxy := httputil.NewSingleHostReverseProxy(up)
	lim := ratelimit.New(cfg.RedisAddr, cfg.RatePerSec)

	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok")) })
	mux.Handle("/", lim.Wrap(proxy))

	srv := &http.Server{Addr: cfg.Listen, Handler: mux, ReadHeaderTimeout: cfg.ReadTimeout}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	log.Info("listening", "addr", cfg.Listen, "upstream", cfg.Upstream)
	if err := srv.ListenAndServeTLS("/etc/edge/tls.crt", "/etc/edge/tls.key"); err != http.ErrServerClosed {
		log.Error("serve", "err", err)
		os.Exit(1)
	}
}
