provider "newrelic" {
  account_id = 5921486
  api_key    = "⟦saas:NRAK-VIU4H1ODVDZ⁞MKWJDZN75Y569PNA⟧"
  region     = "EU"
}

resource "newrelic_alert_policy" "api" {
  name                = "tidewatch-api"
  incident_preference = "PER_CONDITION"
}

resource "newrelic_nrql_alert_condition" "error_rate" {
  policy_id = newrelic_alert_policy.api.id
  name      = "error rate > 2%"
  nrql {
    query = "SELECT percentage(count(*), WHERE error IS true) FROM Transaction WHERE appName = 'tidewatch-api'"
  }
  critical {
    operator              = "above"
    threshold             = 2
    threshold_duration    = 300
    threshold_occurrences = "all"
  }
}
