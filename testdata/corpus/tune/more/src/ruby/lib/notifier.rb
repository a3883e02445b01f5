# frozen_string_literal: true

require "twilio-ruby"
require "telegram/bot"

module Notifier
  TWILIO_ACCOUNT_SID = "AC0981727be219460b1512b60d37e1e94a"
  TWILIO_AUTH_TOKEN  = "⟦messaging:557601b57a7b45d0⁞97a0a1c5a0dc17d3⟧"
  TELEGRAM_TOKEN     = ENV.fetch("TELEGRAM_TOKEN") { "⟦messaging:160886485:AACtaK2-nfXx⁞ikCcUvhroYTGqIlHiSpBWI7⟧" }
  ONCALL_NUMBERS     = %w[+15550100 +15550101].freeze

  def self.sms(body)
    client = Twilio::REST::Client.new(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)
    ONCALL_NUMBERS.each do |to|
      client.messages.create(from: "+15550199", to: to, body: body)
    end
  end

  def self.telegram(chat_id, text)
    Telegram::Bot::Client.run(TELEGRAM_TOKEN) { |bot| bot.api.send_message(chat_id: chat_id, text: text) }
  end
end
