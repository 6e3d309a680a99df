import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";

/**
 * PDF documents from Typst templates (`.typ` files beside the module that uses them). The data
 * goes in as one JSON input that a template reads with `json(bytes(sys.inputs.data))`: values are
 * never spliced into markup, so a name like `#import` or `*` prints as written.
 */

/** Templates must live below this folder: Typst reads no file outside its workspace. */
const WORKSPACE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The fonts every document may use: Latin and Cyrillic from Noto Sans, Arabic script from Noto
 * Naskh Arabic. The Naskh of @expo-google-fonts (Google Fonts' current build) draws each dotted
 * letter as a dotless base plus separate dot glyphs, and both map back to the letter: `pdftotext`
 * and screen readers then read "ببداع" for "بداع". Debian's fonts-noto-core (2020 build, whole-letter
 * glyphs) extracts in reading order, so it is taken when the system has it, the packaged one
 * otherwise (`arabicFontSource()` tells which).
 */
const LATIN_FONTS = [
  "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
  "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
];
const PACKAGED_NASKH = [
  "@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf",
  "@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf",
];
/** Where Debian (fonts-noto-core) and other distributions put Noto Naskh Arabic: regular and bold. */
const SYSTEM_NASKH = ["/usr/share/fonts/truetype/noto", "/usr/share/fonts/noto"].map((dir) => [
  path.join(dir, "NotoNaskhArabic-Regular.ttf"),
  path.join(dir, "NotoNaskhArabic-Bold.ttf"),
]);

function fontFiles(): { files: string[]; arabic: "system" | "packaged" } {
  const require = createRequire(import.meta.url);
  const latin = LATIN_FONTS.map((file) => require.resolve(file));
  const system = SYSTEM_NASKH.find((pair) => pair.every((file) => fs.existsSync(file)));
  if (system) return { files: [...latin, ...system], arabic: "system" };
  return { files: [...latin, ...PACKAGED_NASKH.map((file) => require.resolve(file))], arabic: "packaged" };
}

export class PdfRenderError extends Error {
  override name = "PdfRenderError";
}

let compiler: NodeCompiler | undefined;
let arabicFont: "system" | "packaged" = "packaged";

/** Created on first use: loading the fonts costs ≈ 150 ms that a server not printing should not pay. */
function getCompiler(): NodeCompiler {
  if (!compiler) {
    const { files, arabic } = fontFiles();
    const fontBlobs = files.map((file) => fs.readFileSync(file));
    compiler = NodeCompiler.create({ workspace: WORKSPACE, fontArgs: [{ fontBlobs }] });
    arabicFont = arabic;
  }
  return compiler;
}

/** Which Noto Naskh Arabic the compiler loaded. */
export function arabicFontSource(): "system" | "packaged" {
  getCompiler();
  return arabicFont;
}

/**
 * Renders a template to PDF with the given data. The template path is absolute (usually
 * `fileURLToPath(new URL("./x.typ", import.meta.url))`). Compiling is synchronous and takes a few
 * milliseconds per document.
 */
export function renderPdf(template: string, data: unknown): Buffer {
  if (!template.startsWith(WORKSPACE + path.sep)) {
    throw new PdfRenderError(`template outside the workspace: ${template}`);
  }
  const typst = getCompiler();
  const compiled = typst.compile({ mainFilePath: template, inputs: { data: JSON.stringify(data) } });
  try {
    const document = compiled.result;
    if (!document || compiled.hasError()) {
      const diagnostics = compiled.takeDiagnostics()?.shortDiagnostics ?? [];
      const messages = diagnostics.map((d: { message?: string }) => d.message).join("; ");
      throw new PdfRenderError(`${path.basename(template)}: ${messages || "compilation failed"}`);
    }
    return typst.pdf(document);
  } finally {
    // Typst memoises layouts across runs; without eviction a long-running server only grows.
    typst.evictCache(10);
  }
}
