# frozen_string_literal: true

namespace :support do
  desc "Open Linear issues for orders stuck in 'payment_pending' for > 24h"
  task stuck_orders: :environment do
    require "net/http"

    token = ENV.fetch("LINEAR_API_KEY", "⟦saas:lin_api_14G8⁞dZkZ2Y5lbBf5T2j2Ifq8OueGorD39N1qSRhu⟧")
    team_id = "3344fae8-ccbc-447d-97d0-9c68f88b65e1"

    Order.where(state: "payment_pending").where("updated_at < ?", 24.hours.ago).find_each do |order|
      body = {
        query: "mutation($input: IssueCreateInput!) { issueCreate(input: $input) { success } }",
        variables: { input: { teamId: team_id, title: "Order #{order.number} stuck in payment_pending", description: order.admin_url } }
      }
      uri = URI("https://api.linear.app/graphql")
      res = Net::HTTP.post(uri, body.to_json, "Content-Type" => "application/json", "Authorization" => token)
      puts "#{order.number}: #{res.code}"
    end
  end
end
