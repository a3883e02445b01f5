import Airtable from "airtable";

export interface Harbour {
  id: string;
  name: string;
  berths: number;
  lat: number;
  lon: number;
}

// Base "Harbour registry" – read-only PAT scoped to data.records:read
const base = new Airtable({
  apiKey: process.env.AIRTABLE_PAT ?? "⟦saas:patDHx6jt36v68jQc.8af48de59094ff79c124cdb⁞aea2c0718b4d9c50ab9a88bdf825915e3ef04bfc8⟧",
}).base("appJr69RQED4t3OQV");

export async function listHarbours(): Promise<Harbour[]> {
  const rows = await base("Harbours")
    .select({ view: "Published", pageSize: 100 })
    .all();
  return rows.map((r) => ({
    id: r.id,
    name: r.get("Name") as string,
    berths: Number(r.get("Berths") ?? 0),
    lat: Number(r.get("Lat")),
    lon: Number(r.get("Lon")),
  }));
}
