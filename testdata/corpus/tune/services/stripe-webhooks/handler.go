package main

import (
	"io"
	"log"
	"net/http"
	"os"

	"github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/webhook"
)

// endpointSecret for https://hooks.fernwood.dev/stripe (live mode)
var endpointSecret = getenv("STRIPE_WEBHOOK_SECRET", "⟦payments:whsec_pJ5XL⁞KIpeYLvHJiUS2wb3Y0WrNp4xz2d⟧")

func init() {
	stripe.Key = getenv("STRIPE_SECRET_KEY", "⟦payments:sk_live_8Tnm⁞43deRTBOC48x6V1xKbCj⟧")
}

func getenv(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func handle(w http.ResponseWriter, r *http.Request) {
	payload, err := io.ReadAll(io.LimitReader(r.Body, 65536))
	if err != nil {
		http.Error(w, "read", http.StatusServiceUnavailable)
		return
	}
	ev, err := webhook.ConstructEvent(payload, r.Header.Get("Stripe-Signature"), endpointSecret)
	if err != nil {
		log.Printf("bad signature: %v", err)
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	log.Printf("event %s %s", ev.ID, ev.Type)
	w.WriteHeader(http.StatusOK)
}

func main() {
	http.HandleFunc("/stripe", handle)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
