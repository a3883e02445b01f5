// Snipjar background worker
const NOTION_TOKEN = "⟦saas:ntn_68326975⁞8205WBm81tobUb0HBT3YsIdjkmBkxMmo8ipP8u⟧";     // internal integration "snipjar-sync"
const NOTION_DB = "8e2f4a6c1b3d4e5f9a0b1c2d3e4f5a6b";
const AIRTABLE_PAT = "⟦saas:patCQmc2liEJ⁞v2yn9.7d9a98c76310e18ff1ff02a0b6dd4398d3300fb43107136df2d50b5bb8115251⟧";
const AIRTABLE_BASE = "appX9kQ2mP4rT6vY8";
const GOOGLE_TRANSLATE_KEY = "⟦cloud:AIzaiO6J_rK8⁞_bQ-A__3LWHLYrf_2m28GJj6-QH⟧";
const OAUTH_CLIENT_SECRET = "⟦cloud:GOCSPX-qbCUx⁞-OENO_C4CrKuQY-plRMqPkY⟧";

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.create({ id: "snip", title: "Snip to jar", contexts: ["selection"] });
});

async function saveToNotion(text) {
  return fetch("https://api.notion.com/v1/pages", {
    method: "POST",
    headers: { Authorization: `Bearer ${NOTION_TOKEN}`, "Notion-Version": "2022-06-28", "Content-Type": "application/json" },
    body: JSON.stringify({ parent: { database_id: NOTION_DB }, properties: { Name: { title: [{ text: { content: text } }] } } }),
  });
}

const legacyNotion = { notion_token: "⟦saas:secret_eTeRH⁞vCibxDvwpCEEzCfRl2SFH73GtON2cpJuGVJAER⟧" };
