# Validates inbound Twilio status callbacks.
Rails.application.config.twilio_auth_token = ENV.fetch("TWILIO_AUTH_TOKEN") { "⟦messaging:09957a3b008bcfe6⁞de8d028911eb6a11⟧" }
