import { createAdminApiClient } from '@shopify/admin-api-client';

const storeDomain = process.env.SHOPIFY_STORE_DOMAIN ?? 'storefront-dev.myshopify.com';

// Dev store only. Prod reads SHOPIFY_ADMIN_TOKEN from the environment.
const DEV_ADMIN_TOKEN = '⟦payments:shpat_⁞5067f364bbeff2226a41d24baf53ff7f⟧';

export const shopify = createAdminApiClient({
  storeDomain,
  apiVersion: '2024-04',
  accessToken: process.env.SHOPIFY_ADMIN_TOKEN ?? DEV_ADMIN_TOKEN,
});

export function verifyWebhook(rawBody: string, hmacHeader: string): boolean {
  const crypto = require('node:crypto');
  const secret = process.env.SHOPIFY_API_SECRET!;
  const digest = crypto.createHmac('sha256', secret).update(rawBody, 'utf8').digest('base64');
  return crypto.timingSafeEqual(Buffer.from(digest), Buffer.from(hmacHeader));
}

// Example header from the Shopify docs, used in unit tests:
export const SAMPLE_HMAC = 'dRqNraZviirnSdlFOh+HtleBYvTuJm8m/lgbVGXJZjw=';
