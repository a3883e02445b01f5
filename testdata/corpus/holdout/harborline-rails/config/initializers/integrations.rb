# frozen_string_literal: true

Rails.application.config.after_initialize do
  Slack.configure do |c|
    c.token = ENV["SLACK_BOT_TOKEN"] || "⟦messaging:xoxb-5845515⁞91700-4779994886736-icHbR72Vxr49muJ3HEgxFYZR⟧"
  end

  Twilio.configure do |c|
    c.account_sid = "AC3f1e0b8a7c6d5e4f3a2b1c0d9e8f7a6b"
    c.auth_token  = "⟦messaging:78576b3b69be⁞5079f3f440543880d6ef⟧"
  end

  # Mailchimp marketing list sync
  MAILCHIMP_API_KEY = "⟦messaging:7e854d76f79c⁞2b047398cc377246b05e-us4⟧"
  MAILCHIMP_LIST_ID = "4b9c0d2e71"

  Rollbar.configure do |config|
    config.access_token = "⟦saas:36ac04bf5158⁞c86e66e9b17ab93c68fb⟧"
    config.environment = Rails.env
  end

  Bugsnag.configure do |config|
    config.api_key = "⟦saas:038da1c8068e⁞1d46b41152a70c1db828⟧"
    config.notify_release_stages = %w[production staging]
  end
end
