import Anthropic from "@anthropic-ai/sdk";

const anthropic = new Anthropic({
  apiKey: process.env.ANTHROPIC_API_KEY ?? "⟦ai:sk-ant-api03-enk0⁞jlAR4NgTApVq6kR9aaHMH-HV3KNWkF3dOhnIIZ5vG-lJbl-INgmCsZtqe7R0-nARJrXA7PPwOQA_X7EZD_bTe5mpAAA⟧",
});

export async function summarizeTicket(thread: string): Promise<string> {
  const msg = await anthropic.messages.create({
    model: "claude-3-5-sonnet-20240620",
    max_tokens: 300,
    messages: [{ role: "user", content: `Summarise this support thread in 3 bullets:\n\n${thread}` }],
  });
  const block = msg.content[0];
  return block.type === "text" ? block.text : "";
}
