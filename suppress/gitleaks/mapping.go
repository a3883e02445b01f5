package gitleaks

// Mapping returns, for the rule ids of gitleaks' default configuration
// whose credential a leakstop catalog rule also finds, the ids of those
// leakstop rules: what a gitleaks allowlist, disabled rule or ignore
// entry naming the gitleaks rule is converted to. A gitleaks rule may be
// covered by several leakstop rules (gitleaks' private-key by each kind of
// key). Only ids are listed, never gitleaks' patterns; docs/
// gitleaks-mapping.md is the same table, and a test keeps them equal and
// checks every leakstop id against the catalog.
//
// A gitleaks rule not listed has no leakstop rule for the same credential
// (or one too different to stand for it): an entry naming it is reported
// as not converted.
func Mapping() map[string][]string {
	return map[string][]string{
		// Cloud
		"aws-access-token":           {"aws-access-key-id"},
		"gcp-api-key":                {"gcp-api-key"},
		"azure-ad-client-secret":     {"azure-ad-client-secret"},
		"alibaba-access-key-id":      {"alibaba-access-key-id"},
		"alibaba-secret-key":         {"alibaba-access-key-secret"},
		"digitalocean-pat":           {"digitalocean-pat"},
		"digitalocean-access-token":  {"digitalocean-oauth-token"},
		"digitalocean-refresh-token": {"digitalocean-refresh-token"},
		"heroku-api-key":             {"heroku-api-key"},
		"cloudflare-api-key":         {"cloudflare-api-token"},
		"cloudflare-global-api-key":  {"cloudflare-global-api-key", "cloudflare-global-api-key-legacy"},
		"cloudflare-origin-ca-key":   {"cloudflare-origin-ca-key"},
		"fastly-api-token":           {"fastly-api-token"},
		"flyio-access-token":         {"flyio-macaroon-token", "flyio-auth-token"},
		"netlify-access-token":       {"netlify-personal-access-token", "netlify-access-token"},
		"scalingo-api-token":         {"scalingo-api-token"},
		"yandex-api-key":             {"yandex-cloud-api-key"},
		"yandex-access-token":        {"yandex-cloud-iam-token"},
		"hashicorp-tf-api-token":     {"terraform-cloud-token"},
		"vault-service-token":        {"vault-service-token", "vault-token-legacy"},
		"vault-batch-token":          {"vault-batch-token"},
		"databricks-api-token":       {"databricks-token"},

		// Source control and CI
		"github-pat":                         {"github-pat"},
		"github-fine-grained-pat":            {"github-fine-grained-pat"},
		"github-oauth":                       {"github-oauth-token"},
		"github-app-token":                   {"github-user-to-server-token", "github-app-installation-token"},
		"github-refresh-token":               {"github-refresh-token"},
		"gitlab-pat":                         {"gitlab-pat"},
		"gitlab-pat-routable":                {"gitlab-pat-routable"},
		"gitlab-ptt":                         {"gitlab-pipeline-trigger-token"},
		"gitlab-rrt":                         {"gitlab-runner-registration-token"},
		"gitlab-runner-authentication-token": {"gitlab-runner-auth-token"},
		"gitlab-runner-authentication-token-routable": {"gitlab-runner-auth-token"},
		"gitlab-deploy-token":                         {"gitlab-deploy-token"},
		"gitlab-cicd-job-token":                       {"gitlab-ci-job-token"},
		"gitlab-feed-token":                           {"gitlab-feed-token"},
		"gitlab-incoming-mail-token":                  {"gitlab-incoming-mail-token"},
		"gitlab-kubernetes-agent-token":               {"gitlab-agent-token"},
		"gitlab-oauth-app-secret":                     {"gitlab-oauth-app-secret"},
		"gitlab-scim-token":                           {"gitlab-scim-token"},
		"gitlab-feature-flag-client-token":            {"gitlab-feature-flags-client-token"},
		"pulumi-api-token":                            {"pulumi-access-token"},
		"doppler-api-token":                           {"doppler-personal-token"},
		"sourcegraph-access-token":                    {"sourcegraph-access-token"},
		"travisci-access-token":                       {"travis-ci-token"},
		"droneci-access-token":                        {"drone-token"},
		"codecov-access-token":                        {"codecov-token"},
		"snyk-api-token":                              {"snyk-token"},
		"harness-api-key":                             {"harness-access-token"},

		// Package registries
		"npm-access-token":            {"npm-access-token"},
		"pypi-upload-token":           {"pypi-api-token"},
		"rubygems-api-token":          {"rubygems-api-key"},
		"clojars-api-token":           {"clojars-deploy-token"},
		"jfrog-api-key":               {"jfrog-api-key"},
		"artifactory-api-key":         {"jfrog-api-key"},
		"artifactory-reference-token": {"jfrog-reference-token"},

		// Messaging
		"slack-bot-token":              {"slack-bot-token"},
		"slack-legacy-bot-token":       {"slack-bot-token"},
		"slack-user-token":             {"slack-user-token"},
		"slack-app-token":              {"slack-app-token"},
		"slack-config-access-token":    {"slack-config-token"},
		"slack-config-refresh-token":   {"slack-refresh-token"},
		"slack-legacy-workspace-token": {"slack-legacy-workspace-token"},
		"slack-webhook-url":            {"slack-webhook-url", "slack-workflow-webhook-url", "slack-trigger-webhook-url"},
		"microsoft-teams-webhook":      {"teams-incoming-webhook-url"},
		"telegram-bot-api-token":       {"telegram-bot-token"},
		"twilio-api-key":               {"twilio-api-key"},
		"sendgrid-api-token":           {"sendgrid-api-key"},
		"sendinblue-api-token":         {"brevo-api-key"},
		"mailgun-private-api-token":    {"mailgun-api-key"},
		"mailchimp-api-key":            {"mailchimp-api-key"},
		"mattermost-access-token":      {"mattermost-access-token"},
		"messagebird-api-token":        {"messagebird-access-key"},
		"sendbird-access-token":        {"sendbird-api-token"},

		// Payments and commerce
		"stripe-access-token":              {"stripe-secret-key", "stripe-restricted-key"},
		"square-access-token":              {"square-access-token", "square-legacy-access-token"},
		"shopify-access-token":             {"shopify-access-token"},
		"shopify-custom-access-token":      {"shopify-custom-app-token"},
		"shopify-private-app-access-token": {"shopify-private-app-token"},
		"shopify-shared-secret":            {"shopify-shared-secret"},
		"plaid-api-token":                  {"plaid-access-token"},
		"plaid-secret-key":                 {"plaid-secret"},
		"flutterwave-secret-key":           {"flutterwave-secret-key"},
		"gocardless-api-token":             {"gocardless-access-token"},
		"easypost-api-token":               {"easypost-api-key"},
		"shippo-api-token":                 {"shippo-api-token"},
		"duffel-api-token":                 {"duffel-api-token"},

		// AI
		"openai-api-key":                     {"openai-project-key", "openai-service-account-key", "openai-admin-key", "openai-legacy-key"},
		"anthropic-api-key":                  {"anthropic-api-key"},
		"anthropic-admin-api-key":            {"anthropic-admin-key"},
		"huggingface-access-token":           {"huggingface-access-token"},
		"huggingface-organization-api-token": {"huggingface-org-token"},
		"groq-api-key":                       {"groq-api-key"},
		"cohere-api-token":                   {"cohere-api-key"},
		"langsmith-api-key":                  {"langsmith-personal-access-token", "langsmith-service-key"},

		// Observability and SaaS
		"datadog-access-token":            {"datadog-application-key"},
		"new-relic-user-api-key":          {"newrelic-user-api-key"},
		"new-relic-insert-key":            {"newrelic-insert-key"},
		"new-relic-browser-api-token":     {"newrelic-browser-key"},
		"grafana-api-key":                 {"grafana-api-key"},
		"grafana-cloud-api-token":         {"grafana-cloud-api-token"},
		"grafana-service-account-token":   {"grafana-service-account-token"},
		"sentry-org-token":                {"sentry-org-auth-token"},
		"sentry-user-token":               {"sentry-user-auth-token"},
		"dynatrace-api-token":             {"dynatrace-api-token"},
		"sumologic-access-token":          {"sumologic-access-key"},
		"atlassian-api-token":             {"atlassian-api-token"},
		"linear-api-key":                  {"linear-api-key"},
		"postman-api-token":               {"postman-api-key"},
		"intercom-api-key":                {"intercom-access-token"},
		"algolia-api-key":                 {"algolia-admin-api-key"},
		"launchdarkly-access-token":       {"launchdarkly-access-token"},
		"okta-access-token":               {"okta-api-token"},
		"1password-service-account-token": {"1password-service-account-token"},
		"planetscale-password":            {"planetscale-password"},
		"planetscale-api-token":           {"planetscale-api-token"},
		"zendesk-secret-key":              {"zendesk-api-token"},
		"twitch-api-token":                {"twitch-client-secret"},
		"typeform-api-token":              {"typeform-personal-access-token"},
		"readme-api-token":                {"readme-api-key"},
		"infracost-api-token":             {"infracost-api-key"},
		"prefect-api-token":               {"prefect-api-key"},
		"frameio-api-token":               {"frameio-developer-token"},
		"adobe-client-secret":             {"adobe-client-secret"},

		// Keys and generic
		"private-key":    {"pem-private-key", "pem-rsa-private-key", "pem-ec-private-key", "pem-dsa-private-key", "pem-encrypted-private-key", "openssh-private-key", "pgp-private-key"},
		"age-secret-key": {"age-secret-key"},
		"jwt":            {"jwt"},
		"curl-auth-user": {"generic-curl-user"},
		// gitleaks' catch-all for assignments to key, token, secret and
		// password names: leakstop splits it by what is named and by
		// syntax.
		"generic-api-key": {"generic-secret", "generic-secret-config", "generic-password", "generic-password-config"},
	}
}
