import mapboxgl from "mapbox-gl";

// Public (pk.) token, URL-restricted to *.fernwood.shop in the Mapbox console.
// Server-side geocoding uses MAPBOX_SECRET_TOKEN instead, never ship that one.
const PUBLIC_TOKEN =
  process.env.NEXT_PUBLIC_MAPBOX_TOKEN ??
  "pk.eyJ1IjoiZmVybndvb2QiLCJhIjoiY2xzcDhkZzNld3phM3V0a3V6ODVvbGhudSJ9.7ypObTDEhmSrP7ohB34Wig";

export function createStoreMap(container: HTMLElement, center: [number, number]) {
  mapboxgl.accessToken = PUBLIC_TOKEN;
  const map = new mapboxgl.Map({
    container,
    style: "mapbox://styles/fernwood/m8x3yz46tmhdior7ycrvh12cn",
    center,
    zoom: 11,
  });
  map.addControl(new mapboxgl.NavigationControl({ showCompass: false }));
  return map;
}

export async function geocode(query: string): Promise<[number, number] | null> {
  const res = await fetch(`/api/geocode?q=${encodeURIComponent(query)}`);
  if (!res.ok) return null;
  const body = await res.json();
  return body.center ?? null;
}
