import { z } from 'zod';

// Validated at boot; the process exits if anything required is missing.
const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.string().url(),
  UPSTASH_REDIS_URL: z.string().url(),
  SHOPIFY_ADMIN_TOKEN: z.string().startsWith('shp'),
  SHOPIFY_API_SECRET: z.string().min(32),
  KLARNA_API_KEY: z.string(),
  DUFFEL_TOKEN: z.string(),
  EASYPOST_API_KEY: z.string(),
  CLERK_SECRET_KEY: z.string().startsWith('sk_'),
});

export const env = schema.parse({
  NODE_ENV: process.env.NODE_ENV,
  DATABASE_URL: process.env.DATABASE_URL,
  UPSTASH_REDIS_URL: process.env.UPSTASH_REDIS_URL,
  SHOPIFY_ADMIN_TOKEN: process.env.SHOPIFY_ADMIN_TOKEN,
  SHOPIFY_API_SECRET: process.env.SHOPIFY_API_SECRET,
  KLARNA_API_KEY: process.env['KLARNA_API_KEY'],
  DUFFEL_TOKEN: process.env.DUFFEL_TOKEN,
  EASYPOST_API_KEY: process.env.EASYPOST_API_KEY,
  CLERK_SECRET_KEY: process.env.CLERK_SECRET_KEY,
});

// In tests we stub every secret with an obviously fake value.
export const testEnv = {
  DATABASE_URL: 'postgres://localhost:5432/storefront_test',
  SHOPIFY_ADMIN_TOKEN: 'shpat_00000000000000000000000000000000',
  SHOPIFY_API_SECRET: 'x'.repeat(32),
  CLERK_SECRET_KEY: 'sk_test_dummy',
};
