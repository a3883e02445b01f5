// Weekly harbour digest – run by the scheduler on Monday 06:00.
import sgMail from "@sendgrid/mail";
import { listHarbours } from "../src/server/airtable.js";

sgMail.setApiKey(process.env.SENDGRID_API_KEY || "⟦messaging:SG.9nGJ2L4wcjpQrCaq61E44a.El1ii59P⁞SYxGh4TwXlT1Ur_7Yrt2r90WhvAg8O64ds9⟧");

const harbours = await listHarbours();
const rows = harbours
  .sort((a, b) => b.berths - a.berths)
  .slice(0, 15)
  .map((h) => `<tr><td>${h.name}</td><td>${h.berths}</td></tr>`)
  .join("");

await sgMail.send({
  to: "digest@lists.kelpie-labs.io",
  from: { email: "noreply@kelpie-labs.io", name: "Geoportal" },
  subject: `Hamnöversikt vecka ${new Date().toISOString().slice(0, 10)}`,
  html: `<table><tr><th>Hamn</th><th>Platser</th></tr>${rows}</table>`,
});
console.log("digest sent to", harbours.length, "harbours");
