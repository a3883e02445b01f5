import Anthropic from "@anthropic-ai/sdk";
import Groq from "groq-sdk";

// TODO(ana): move back to env before merging, testing the fallback path on preview
const groq = new Groq({ apiKey: process.env.GROQ_API_KEY ?? "⟦ai:gsk_hAq5477I⁞Lv5loP5RblNEVJCBtFMtxelRSIXi0GyhzL6zMwMWB4wo⟧" });

export const anthropic = new Anthropic({
  apiKey: process.env.ANTHROPIC_API_KEY, // e.g. "sk-ant-api03-..."
});

export const perplexity = {
  baseURL: "https://api.perplexity.ai",
  apiKey: "⟦ai:pplx-84XGnMR⁞URiPbO3f1u8RdJQf61KoBuI0YAzpPKRdkDk569ItK⟧",
};

export async function summarize(text: string) {
  const msg = await anthropic.messages.create({
    model: "claude-sonnet-4-20250514",
    max_tokens: 512,
    messages: [{ role: "user", content: `Summarize:\n${text}` }],
  });
  return msg.content;
}

export const fallback = async (prompt: string) =>
  groq.chat.completions.create({ model: "llama-3.1-8b-instant", messages: [{ role: "user", content: prompt }] });

// request id from a failing call, for the support ticket: req_011CQyK3b8vT6nWm2pZr5xYq
