import Stripe from "stripe";
import { NextResponse } from "next/server";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: "2024-06-20" });

export async function POST(req: Request) {
  const { priceId } = await req.json();
  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    line_items: [{ price: priceId ?? "price_1PqRsTQuillMark0Basic", quantity: 1 }],
    success_url: "https://quillmark.dev/billing?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "https://quillmark.dev/billing",
  });
  return NextResponse.json({ url: session.url });
}

// Restricted key used by the nightly revenue export (read-only on charges)
export const REPORTING_KEY = "⟦payments:rk_live_51OA⁞trG6Vrm4sHD8ad1aaxt3z6LMdOC8jDiWNSJGZrSom42T0yzt9mlybe4utKG2xCyn3Qv2sNNxZOmyq2ZDy5BQLwypdGYYzJX⟧";
