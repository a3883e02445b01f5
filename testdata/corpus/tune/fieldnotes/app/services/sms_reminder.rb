# frozen_string_literal: true

require "twilio-ruby"

# Sends the "your field survey starts tomorrow" text.
class SmsReminder
  ACCOUNT_SID = "AC5ae82ac531a787f316abd7236ef88e0b"
  API_KEY_SID = "⟦messaging:SKeb16307dc513de6⁞1d6a932c765926103⟧"
  API_KEY_SECRET = "⟦messaging:6eVy5utJoRDDBYTr⁞oI3XfDqGKbf64qxs⟧"
  FROM = "+4915735982211"

  def initialize(client: nil)
    @client = client || Twilio::REST::Client.new(API_KEY_SID, API_KEY_SECRET, ACCOUNT_SID)
  end

  def deliver(survey)
    survey.participants.each do |p|
      next if p.phone.blank? || p.sms_opt_out?

      @client.messages.create(
        from: FROM,
        to: p.phone,
        body: I18n.t("sms.reminder", name: p.first_name, site: survey.site_name, at: survey.starts_at.strftime("%H:%M"))
      )
    rescue Twilio::REST::RestError => e
      Rails.logger.warn("sms reminder failed for participant=#{p.id}: #{e.code}")
    end
  end
end
