# frozen_string_literal: true

redis_url = ENV.fetch("REDIS_URL") { "redis://:⟦urls:ZFZwGBxsI⁞VZRRHjWZp⟧@harborline-cache.abc123.ng.0001.euw1.cache.amazonaws.com:6379/2" }

Sidekiq.configure_server do |config|
  config.redis = { url: redis_url, network_timeout: 5 }
  config.logger.level = Logger::INFO
end

Sidekiq.configure_client do |config|
  config.redis = { url: redis_url }
end

# Web UI basic auth
Sidekiq::Web.use Rack::Auth::Basic do |user, password|
  ActiveSupport::SecurityUtils.secure_compare(user, "ops") &
    ActiveSupport::SecurityUtils.secure_compare(password, ENV.fetch("SIDEKIQ_WEB_PASSWORD"))
end
