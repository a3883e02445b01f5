// Kumo — table reservations for izakaya in Fukuoka. Customers book through
// the LINE official account; staff get pinged in Slack.
import { messagingApi, middleware, type WebhookEvent } from "@line/bot-sdk";
import express from "express";

const lineConfig = {
  // Messaging API channel "Kumo予約" (channel ID 2004518873)
  channelAccessToken: process.env.LINE_CHANNEL_ACCESS_TOKEN ?? "⟦messaging:knsdvI⁞dCEYRq5WSuG0vDi4QULAYAqpyfqKjchoGF+mVAJ/3Ni5eKrK3D7lLKTEGGodHtHhSDgfip9557fnu27eDk3fPOAFuEf9AywkbqWou0AvxNFC9YCvrzbPOUvhQtwBUieI15lWY9RsRfwg0+JVF1PQj20kD+Xous/IlEvmz=⟧",
  channelSecret: process.env.LINE_CHANNEL_SECRET ?? "⟦messaging:7a3248⁞32275b4fda4527004f19d0ee7d⟧",
};

// LIFF app id is public (it is in the booking page URL)
export const LIFF_ID = "2004518873-Wq7Xk2Zp";

// Slack "new booking" workflow trigger (Workflow Builder webhook)
const STAFF_TRIGGER_URL = "⟦messaging:https://hooks.slack.co⁞m/triggers/TI14PEX0W/3606392708380/c972841247557134df28e317b2d6e4a2⟧";

const client = new messagingApi.MessagingApiClient({ channelAccessToken: lineConfig.channelAccessToken });
export const app = express();

app.post("/line/webhook", middleware({ channelSecret: lineConfig.channelSecret }), async (req, res) => {
  const events: WebhookEvent[] = req.body.events;
  for (const ev of events) {
    if (ev.type !== "message" || ev.message.type !== "text") continue;
    const booking = parseBooking(ev.message.text);
    if (!booking) {
      await client.replyMessage({ replyToken: ev.replyToken, messages: [{ type: "text", text: "ご予約の日時と人数を教えてください。" }] });
      continue;
    }
    await fetch(STAFF_TRIGGER_URL, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...booking, lineUserId: ev.source.userId }),
    });
  }
  res.sendStatus(200);
});

function parseBooking(text: string): { date: string; people: number } | null {
  const m = text.match(/(\d{1,2})\/(\d{1,2}).*?(\d+)\s*名/);
  return m ? { date: `${m[1]}/${m[2]}`, people: Number(m[3]) } : null;
}

// Sample webhook body from the LINE docs, used in tests:
// {"destination":"U0123456789abcdef0123456789abcdef","events":[{"replyToken":"nHuyWiB7yP5Zw52FIkcQobQuGDXCTA","type":"message"}]}
