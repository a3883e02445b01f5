# frozen_string_literal: true

require "shopify_api"

# Mirrors product inventory from the wholesale Shopify store into our catalog.
class ShopifySync
  SHOP = "fernwood-wholesale.myshopify.com"
  ACCESS_TOKEN = "⟦payments:shpat_e7⁞b91dc50dee825c7e3258c45ad5f8c4⟧" # custom app "catalog-sync", read_products + read_inventory

  def initialize(logger: Rails.logger)
    @logger = logger
    session = ShopifyAPI::Auth::Session.new(shop: SHOP, access_token: ACCESS_TOKEN)
    @client = ShopifyAPI::Clients::Graphql::Admin.new(session: session)
  end

  def call(since: 1.day.ago)
    cursor = nil
    loop do
      page = fetch_page(since, cursor)
      page["edges"].each { |edge| upsert(edge["node"]) }
      break unless page.dig("pageInfo", "hasNextPage")

      cursor = page.dig("pageInfo", "endCursor")
    end
  end

  private

  def fetch_page(since, cursor)
    query = <<~GQL
      query($q: String!, $after: String) {
        products(first: 100, query: $q, after: $after) {
          edges { node { id title variants(first: 50) { edges { node { sku inventoryQuantity } } } } }
          pageInfo { hasNextPage endCursor }
        }
      }
    GQL
    @client.query(query: query, variables: { q: "updated_at:>#{since.iso8601}", after: cursor }).body.dig("data", "products")
  end

  def upsert(node)
    node.dig("variants", "edges").each do |v|
      sku = v.dig("node", "sku")
      next if sku.blank?

      Product.where(sku: sku).update_all(stock: v.dig("node", "inventoryQuantity"), synced_at: Time.current)
    end
  end
end
