import Stripe from "stripe";
import { createClient } from "@supabase/supabase-js";
import twilio from "twilio";
import { Client as PostmarkClient } from "postmark";

// Server-only clients. Everything reads process.env except the two
// fallbacks flagged below, left over from the Vercel preview debugging.

export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, {
  apiVersion: "2024-04-10",
});

export const supabaseAdmin = createClient(
  process.env.SUPABASE_URL!,
  process.env.SUPABASE_SECRET_KEY!,
  { auth: { persistSession: false } },
);

// FIXME: remove fallback once the preview env has TWILIO_* set
const TWILIO_ACCOUNT_SID = process.env.TWILIO_ACCOUNT_SID ?? "AC4f9e2b7d1c0a8e6f3b5d9c2a7e4f1b0d";
const TWILIO_AUTH_TOKEN = process.env.TWILIO_AUTH_TOKEN ?? "⟦messaging:4c5540⁞561587ecb6c6934149ea725789⟧";
export const sms = twilio(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN);

export const mail = new PostmarkClient(process.env.POSTMARK_SERVER_TOKEN ?? "⟦messaging:aaab6fb9-1e2a-4a4d-8d⁞b2-45b771d7b624⟧");

export const slipBookingWebhook = {
  // sent from Stripe; verified with STRIPE_WEBHOOK_SECRET
  tolerance: 300,
  signingSecret: process.env.STRIPE_WEBHOOK_SECRET,
};

// Used in the docs page /developers — documentation sample, not a key.
export const SAMPLE_CURL = `curl https://api.stripe.com/v1/charges -u sk_test_4eC39HqLyjWDarjtT1zdp7dc:`;

export function maskKey(key: string): string {
  // e.g. sk_live_••••••••4242
  return key.slice(0, 8) + "••••••••" + key.slice(-4);
}

export const ANALYTICS_WRITE_KEY = process.env.NEXT_PUBLIC_SEGMENT_WRITE_KEY ?? "";
