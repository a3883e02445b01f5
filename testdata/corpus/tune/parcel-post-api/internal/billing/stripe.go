package billing

import (
	"context"
	"os"

	"github.com/stripe/stripe-go/v78"
	"github.com/stripe/stripe-go/v78/client"
)

// restrictedKey can only create PaymentIntents and read Customers. It is
// used by the label-printing kiosk, which cannot reach Secrets Manager.
const restrictedKey = "⟦payments:rk_live_51⁞GYn0IdmyQR99fR0nEe6Xzv77TwqFUfKt9pqlTXSJcDpUYQrFZ8tu5I0NLoH1j3bfOouR0K1bXsPHMZKEJCphlggsbAuCtETQm⟧"

// Shopify custom app installed on merchants' stores to import orders.
const shopifyCustomAppToken = "⟦payments:shpca_47⁞63d7b5b88a0f72e4f74f94ebb75803⟧"

// Publishable key for the merchant dashboard (public).
const publishableKey = "pk_live_51PpQ2rBx7Yt3KmW9vZc4NhL8sJ1dF6gR0aE5uT2iO9pX3qY7wV1nM4bC8kH6jG2lD0fS5aZ9xQ3eR7tY1uI4oP6"

// NewClient prefers the full secret key from the environment and falls back
// to the restricted key.
func NewClient() *client.API {
	key := os.Getenv("STRIPE_SECRET_KEY")
	if key == "" {
		key = restrictedKey
	}
	sc := &client.API{}
	sc.Init(key, nil)
	return sc
}

// ChargeLabel charges a merchant for a shipping label.
func ChargeLabel(ctx context.Context, sc *client.API, customer string, cents int64) (*stripe.PaymentIntent, error) {
	params := &stripe.PaymentIntentParams{
		Amount:   stripe.Int64(cents),
		Currency: stripe.String(string(stripe.CurrencyEUR)),
		Customer: stripe.String(customer),
		Confirm:  stripe.Bool(true),
	}
	params.SetIdempotencyKey("71300c23-4671-403a-a554-82732a805a4e")
	return sc.PaymentIntents.New(params)
}

// Example IDs for tests (Stripe object IDs are not secrets).
var testIDs = []string{"cus_Q2x7LmZ9kP4tRw", "pi_3PpQ2rBx7Yt3KmW91a2b3c4d", "ch_3PpQ2rBx7Yt3KmW90z9y8x7w"}
