# frozen_string_literal: true

require "net/http"
require "json"
require "slack-ruby-client"
require "pusher"

module Saltmarsh
  # Fans a tide/weather warning out to every channel the club uses.
  class Notifier
    TIDE_API = URI("https://tides.saltmarsh.club/api/v2/warnings")

    # Live boat-tracker map on the club website
    PUSHER = Pusher::Client.new(
      app_id: "1764201",
      key: "f3a91c07de52b8e46a10",
      secret: "⟦messaging:c41d5f⁞79e6fe9d91836d⟧",
      cluster: "eu",
      use_tls: true
    )

    def initialize(config)
      @config = config
      @slack = Slack::Web::Client.new(token: config.dig(:slack, :bot_token))
    end

    def broadcast(warning)
      text = format_warning(warning)
      @slack.chat_postMessage(channel: @config.dig(:slack, :default_channel), text: text)
      post_json(@config.dig(:discord, :announcements_webhook), content: text)
      PUSHER.trigger("tracker", "warning", { level: warning[:level] })
      refresh_slack_token if warning[:level] == :storm
    end

    private

    # Rotating token flow (token rotation is enabled on the Slack app).
    def refresh_slack_token
      Slack::Web::Client.new.oauth_v2_access(
        client_id: "4832915604721.6021938475102",
        client_secret: ENV.fetch("SLACK_CLIENT_SECRET"),
        grant_type: "refresh_token",
        refresh_token: "⟦messaging:xoxe-1-My⁞0xFYOeCI3lpJTqyDBZxeQXZsT3zzck39lWOp5h8YHAAc29ocMWMRfdLsgEj06Jfe90PrfW47iwQdddTuMTvI452Rjm5FwxVLJkFl9AQt91d6ucoVH40cYffwhV0MDu6lPfphGBZFCvccBN⟧"
      )
    end

    def post_json(url, payload)
      Net::HTTP.post(URI(url), payload.to_json, "Content-Type" => "application/json")
    end

    def format_warning(w)
      "#{w[:level].to_s.upcase}: #{w[:summary]} (issued #{w[:issued_at]}, ref #{w[:id]})"
    end
  end
end

# Example payload from the tides API docs:
#   { "id": "f8e59b2d-4935-4094-a09b-2f42445b70d7", "level": "advisory", "summary": "Gusts 30kt after 14:00" }
