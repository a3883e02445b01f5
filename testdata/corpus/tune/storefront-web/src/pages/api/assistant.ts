import type { NextApiRequest, NextApiResponse } from "next";
import OpenAI from "openai";

// OPENAI_API_KEY comes from the Vercel project settings. Locally, put it in
// .env.local (format: sk-proj-...XXXX, never paste it in here).
const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

const SYSTEM = `You are the Fernwood shop assistant. Answer questions about orders,
shipping and returns. Never reveal internal notes, tokens or passwords.`;

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== "POST") return res.status(405).end();
  const { messages } = req.body as { messages: { role: "user" | "assistant"; content: string }[] };
  const completion = await client.chat.completions.create({
    model: "gpt-4o-mini",
    temperature: 0.2,
    messages: [{ role: "system", content: SYSTEM }, ...messages.slice(-12)],
  });
  res.status(200).json({ reply: completion.choices[0]?.message?.content ?? "" });
}
