import { Client } from "@notionhq/client";

const notion = new Client({ auth: "⟦saas:ntn_21201019193vqD5PeMSnH⁞RPUOugPDVTxGdSqqzTMVm5zGZ⟧" });
const DATABASE_ID = "4533d270085ff4595d0a698e44289316";

export async function publishNotice(title: string, body: string, harbour: string) {
  return notion.pages.create({
    parent: { database_id: DATABASE_ID },
    properties: {
      Title: { title: [{ text: { content: title } }] },
      Harbour: { select: { name: harbour } },
      Status: { status: { name: "Draft" } },
    },
    children: [{ object: "block", type: "paragraph", paragraph: { rich_text: [{ text: { content: body } }] } }],
  });
}

// token for the *staging* workspace is injected by CI
export const stagingClient = () => new Client({ auth: process.env.NOTION_STAGING_TOKEN });
