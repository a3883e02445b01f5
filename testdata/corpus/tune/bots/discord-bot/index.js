const { Client, GatewayIntentBits, Events } = require("discord.js");

// community server helper: answers !order <id> with shipping status
const TOKEN = process.env.DISCORD_TOKEN || "⟦messaging:NTU⁞wNzU1NzY5ODQyNTMyOTQy.fb1I6R.9tscwZ1UxqyIzjV31tAn7UeiK2ioucRsmy2LbX⟧";
const API = process.env.ORDERS_API || "https://api.fernwood.dev";

const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent] });

client.once(Events.ClientReady, (c) => console.log(`ready as ${c.user.tag}`));

client.on(Events.MessageCreate, async (msg) => {
  if (msg.author.bot || !msg.content.startsWith("!order ")) return;
  const id = msg.content.slice(7).trim();
  if (!/^FW-\d{6}$/.test(id)) return msg.reply("order ids look like FW-123456");
  const res = await fetch(`${API}/v1/public/orders/${id}/status`);
  if (!res.ok) return msg.reply("couldn't find that order");
  const { status, carrier, eta } = await res.json();
  msg.reply(`**${id}**: ${status} (${carrier}, ETA ${eta})`);
});

client.login(TOKEN);
