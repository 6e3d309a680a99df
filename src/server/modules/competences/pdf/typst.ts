import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";
import { PdfRenderError } from "#server/platform/pdf.ts";

/**
 * The competence profile's own Typst compiler. It differs from `renderPdf` (platform/pdf.ts) in one
 * font: the Noto Naskh Arabic of @expo-google-fonts (Google Fonts' current build) draws each dotted
 * letter as a dotless base plus separate dot glyphs, and both map back to the letter — `pdftotext`
 * then reads "ببداع" for "بداع" and scatters the dots over lines of their own. The profile's Arabic
 * and Persian text must come out of the PDF in reading order (issue 14), so this compiler takes the
 * Noto Naskh Arabic of Debian's fonts-noto-core (2020 build, whole-letter glyphs) when the system
 * has it and falls back to the packaged one otherwise (`ARABIC_FONT` tells which). Same data rule
 * as renderPdf: the data goes in as one JSON input, never spliced into markup.
 */

/** Templates must live in this folder. */
const WORKSPACE = path.dirname(fileURLToPath(import.meta.url));

/** Where Debian (fonts-noto-core) and other distributions put Noto Naskh Arabic: regular and bold. */
const SYSTEM_NASKH = ["/usr/share/fonts/truetype/noto", "/usr/share/fonts/noto"].map((dir) => [
  path.join(dir, "NotoNaskhArabic-Regular.ttf"),
  path.join(dir, "NotoNaskhArabic-Bold.ttf"),
]);

function fontFiles(): { files: string[]; arabic: "system" | "packaged" } {
  const require = createRequire(import.meta.url);
  const latin = [
    require.resolve("@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf"),
    require.resolve("@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf"),
  ];
  const system = SYSTEM_NASKH.find((pair) => pair.every((file) => fs.existsSync(file)));
  if (system) return { files: [...latin, ...system], arabic: "system" };
  const packaged = [
    require.resolve("@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf"),
    require.resolve("@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf"),
  ];
  return { files: [...latin, ...packaged], arabic: "packaged" };
}

let compiler: NodeCompiler | undefined;
let arabicFont: "system" | "packaged" | undefined;

function getCompiler(): NodeCompiler {
  if (!compiler) {
    const { files, arabic } = fontFiles();
    compiler = NodeCompiler.create({
      workspace: WORKSPACE,
      fontArgs: [{ fontBlobs: files.map((file) => fs.readFileSync(file)) }],
    });
    arabicFont = arabic;
  }
  return compiler;
}

/** Which Noto Naskh Arabic the compiler loaded (after the first render). */
export function arabicFontSource(): "system" | "packaged" {
  getCompiler();
  return arabicFont ?? "packaged";
}

/** Renders a template of this folder with the given data (synchronous, a few ms to tens of ms). */
export function renderTemplate(name: string, data: unknown): Buffer {
  const typst = getCompiler();
  const template = path.join(WORKSPACE, name);
  const compiled = typst.compile({ mainFilePath: template, inputs: { data: JSON.stringify(data) } });
  try {
    const document = compiled.result;
    if (!document || compiled.hasError()) {
      const diagnostics = compiled.takeDiagnostics()?.shortDiagnostics ?? [];
      const messages = diagnostics.map((d: { message?: string }) => d.message).join("; ");
      throw new PdfRenderError(`${name}: ${messages || "compilation failed"}`);
    }
    return typst.pdf(document);
  } finally {
    // Typst memoises layouts across runs; without eviction a long-running server only grows.
    typst.evictCache(10);
  }
}
