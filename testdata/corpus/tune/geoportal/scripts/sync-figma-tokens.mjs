#!/usr/bin/env node
// Pulls colour/spacing variables from the design file and writes src/styles/tokens.css
import { writeFile } from "node:fs/promises";

const FILE_KEY = "94D1PLqsVaGa4QjpsIHf5Z";
const token = process.env.FIGMA_TOKEN || "⟦saas:figd_JozaxflKdSKpjQtSg⁞OrrAnKg1J9iAWC3Y2U0lubB⟧";

const res = await fetch(`https://api.figma.com/v1/files/${FILE_KEY}/variables/local`, {
  headers: { "X-Figma-Token": token },
});
if (!res.ok) {
  console.error("figma:", res.status, await res.text());
  process.exit(1);
}
const { meta } = await res.json();
const lines = Object.values(meta.variables).map((v) => {
  const val = Object.values(v.valuesByMode)[0];
  const css = typeof val === "object" && "r" in val
    ? `rgb(${Math.round(val.r * 255)} ${Math.round(val.g * 255)} ${Math.round(val.b * 255)})`
    : `${val}px`;
  return `  --${v.name.replaceAll("/", "-").toLowerCase()}: ${css};`;
});
await writeFile("src/styles/tokens.css", `:root {\n${lines.join("\n")}\n}\n`);
console.log(`wrote ${lines.length} tokens`);
