package verify

// Default returns every verifier leakstop has, one per provider.
func Default() []Verifier {
	return []Verifier{
		GitHub{}, GitLab{}, Slack{}, Stripe{}, AWS{}, GCP{}, OpenAI{}, Anthropic{},
		HuggingFace{}, SendGrid{}, Twilio{}, Mailgun{}, NPM{}, PyPI{}, DockerHub{},
		Datadog{}, DigitalOcean{}, Heroku{}, Shopify{}, Discord{}, Telegram{},
	}
}
