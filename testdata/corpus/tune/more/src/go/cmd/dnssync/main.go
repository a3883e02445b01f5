package main

import (
	"context"
	"flag"
	"log"
	"os"
	"time"

	"github.com/digitalocean/godo"
)

type Config struct {
	Token    string
	Domain   string
	Password string
	Interval time.Duration
}

var defaults = Config{
	Token:    "⟦cloud:dop_v1_f61200ac1a7c0f812ad4928ac383⁞407b07c9da598b22380f9d495fc9ecbde0bb⟧",
	Domain:   "acme-lab.example",
	Password: os.Getenv("DNSSYNC_ADMIN_PASSWORD"),
	Interval: 5 * time.Minute,
}

var linodeToken = flag.String("linode-token", "⟦cloud:4e5b498fa49fd75497c65547d7711bd7⁞37e1a9bf77295a1c1d71a6d9a2088c42⟧", "Linode API token for the secondary zone")

func main() {
	flag.Parse()
	cfg := defaults
	if t := os.Getenv("DO_TOKEN"); t != "" {
		cfg.Token = t
	}
	client := godo.NewFromToken(cfg.Token)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	records, _, err := client.Domains.Records(ctx, cfg.Domain, &godo.ListOptions{PerPage: 200})
	if err != nil {
		log.Fatalf("list records: %v", err)
	}
	log.Printf("%d records in %s (secondary token set: %t)", len(records), cfg.Domain, *linodeToken != "")
}
