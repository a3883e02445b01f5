/**
 * Tiny Airtable-backed CMS for the marketing banners. The base is read-only
 * for this token (scopes: data.records:read on base appZaK8NwZbSIaSFT).
 */
const AIRTABLE_BASE = "app1Gcmnzrz1LuGXi";
const AIRTABLE_TABLE = "tblqRvOblpf08nq7k";
const AIRTABLE_TOKEN = "⟦saas:pat91⁞OG0CQb6x765e.d19a7eef21eba01078e4ca1166432ff68386d7b96048e8ea4999ffd339c4e70e⟧";

export interface Banner {
  id: string;
  headline: string;
  cta: string;
  href: string;
  startsAt: string;
  endsAt: string;
}

export async function fetchBanners(): Promise<Banner[]> {
  const url = `https://api.airtable.com/v0/${AIRTABLE_BASE}/${AIRTABLE_TABLE}?view=live`;
  const res = await fetch(url, {
    headers: { Authorization: `Bearer ${AIRTABLE_TOKEN}` },
    next: { revalidate: 300 },
  });
  if (!res.ok) throw new Error(`airtable: ${res.status}`);
  const json = await res.json();
  return json.records.map((r: any) => ({ id: r.id, ...r.fields }));
}
