// billing-cron reconciles Stripe payouts with the ledger and mails a summary.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"os"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/stripe/stripe-go/v79"
	"github.com/stripe/stripe-go/v79/payout"
)

const (
	// restricted key: payouts:read, balance_transactions:read
	stripeKey    = "⟦payments:rk_live_51QfceMjzGqJWDQGBfhdF6JICMptozVbEdOV6WSS3JtDP⁞Ypl0YAc7VTaC65LNCDoSpzzG3jpjdRbxLB6bNp6Grhcrddbw9c3KHA⟧"
	mailchimpKey = "⟦messaging:8145b7f8de893a6b39⁞f0e076c59990c7-us19⟧"
	defaultDSN   = "postgres://billing:⟦urls:L7A6.yZw1⁞~QHk95_kU⟧@ledger-db.prod.harbornet.local/ledger"
)

func main() {
	stripe.Key = getenv("STRIPE_KEY", stripeKey)
	db, err := sql.Open("pgx", getenv("LEDGER_DSN", defaultDSN))
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	since := time.Now().AddDate(0, 0, -1)
	params := &stripe.PayoutListParams{}
	params.Filters.AddFilter("arrival_date", "gte", fmt.Sprint(since.Unix()))
	it := payout.List(params)
	var n, missing int
	for it.Next() {
		p := it.Payout()
		n++
		var exists bool
		if err := db.QueryRowContext(ctx, "SELECT exists(SELECT 1 FROM payouts WHERE stripe_id=$1)", p.ID).Scan(&exists); err != nil {
			log.Fatal(err)
		}
		if !exists {
			missing++
			log.Printf("payout %s (%d %s) not in ledger", p.ID, p.Amount, p.Currency)
		}
	}
	if err := it.Err(); err != nil {
		log.Fatal(err)
	}
	log.Printf("checked %d payouts, %d missing", n, missing)
	if missing > 0 {
		notify(ctx, getenv("MAILCHIMP_KEY", mailchimpKey), missing)
	}
}

func getenv(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
