import { SVG } from "./vocabularies.ts";
import type { Bilingual } from "./words.ts";

/**
 * The EDC's display parameters: the shapes require one rendered page of the credential (an image in
 * a MediaObject). Lotse draws it as a plain SVG page (A4 proportions) listing the holder, the claims,
 * the issuer and the date; a sealing service may replace it with its own rendering.
 */

type Concept = { id: string; type: string };
const MAX_LINES = 40;

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c,
  );

export function displaySvg(
  title: Bilingual,
  lines: { name: string; issuer: string; date: string; claims: string[] },
) {
  const claims =
    lines.claims.length > MAX_LINES ? [...lines.claims.slice(0, MAX_LINES - 1), "…"] : lines.claims;
  const rows: { text: string; size: number; gap: number; weight?: string }[] = [
    { text: title.de, size: 22, gap: 60, weight: "bold" },
    { text: title.en, size: 14, gap: 24 },
    { text: lines.name, size: 18, gap: 48, weight: "bold" },
    ...claims.map((text) => ({ text: `• ${text}`, size: 11, gap: 18 })),
    { text: `${lines.issuer} · ${lines.date}`, size: 11, gap: 40 },
  ];
  let y = 0;
  const text = rows
    .map((row) => {
      y += row.gap;
      const weight = row.weight ? ` font-weight="${row.weight}"` : "";
      return `<text x="48" y="${y}" font-size="${row.size}"${weight}>${escapeXml(row.text)}</text>`;
    })
    .join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="595" height="842" viewBox="0 0 595 842" ` +
    `font-family="Noto Sans, Noto Naskh Arabic, sans-serif"><rect width="595" height="842" fill="#fff"/>${text}</svg>`
  );
}

export function displayParameter(options: {
  id: (...parts: string[]) => string;
  title: Bilingual;
  description: Bilingual;
  languages: [Concept, ...Concept[]];
  encoding: Concept;
  lines: { name: string; issuer: string; date: string; claims: string[] };
}) {
  const [primary] = options.languages;
  const svg = displaySvg(options.title, options.lines);
  return {
    id: options.id("parameter"),
    type: "DisplayParameter",
    title: options.title,
    description: options.description,
    language: options.languages,
    primaryLanguage: primary,
    individualDisplay: {
      id: options.id("individual", "de"),
      type: "IndividualDisplay",
      language: primary,
      displayDetail: {
        id: options.id("detail", "de", "1"),
        type: "DisplayDetail",
        page: 1,
        image: {
          id: options.id("image", "de", "1"),
          type: "MediaObject",
          content: Buffer.from(svg, "utf8").toString("base64"),
          contentEncoding: options.encoding,
          contentType: SVG,
        },
      },
    },
  };
}
