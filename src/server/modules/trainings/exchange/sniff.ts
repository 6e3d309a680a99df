import type { ExchangeMaterialType } from "#shared/contracts/trainings-exchange.ts";

// A material is stored and served with the type its uploader declared; these checks make sure the
// bytes are of that kind (content sniffing), so that a script renamed to .pdf, an HTML page sent as
// text or an archive called a spreadsheet is refused. Downloads go out as attachments with
// `nosniff`, so a browser never renders them in the page's origin.

const ascii = (s: string) => Buffer.from(s, "latin1");
const utf16 = (s: string) => Buffer.from(s, "utf16le");
const startsWith = (content: Buffer, magic: Buffer, at = 0) =>
  content.length >= at + magic.length && content.subarray(at, at + magic.length).equals(magic);

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Office Open XML: a ZIP with the content-types part and the main part of its kind (names are stored plainly). */
const ooxml = (part: string) => (c: Buffer) =>
  startsWith(c, ZIP) && c.includes(ascii("[Content_Types].xml")) && c.includes(ascii(part));
/** OpenDocument: a ZIP whose first entry is the uncompressed `mimetype` naming the type. */
const odf = (type: string) => (c: Buffer) =>
  startsWith(c, ZIP) && startsWith(c, ascii("mimetype"), 30) && startsWith(c, ascii(type), 38);
/** The old binary formats: an OLE compound file holding the stream of its kind. */
const ole = (streams: string[]) => (c: Buffer) =>
  startsWith(c, OLE) && streams.some((s) => c.includes(utf16(s)));

/** Plain text: valid UTF-8 without control characters other than tab, line breaks and form feed. */
function isPlainText(c: Buffer): boolean {
  if (c.length === 0) return false;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(c);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find control characters
    return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
  } catch {
    return false;
  }
}

const CHECKS: Record<ExchangeMaterialType, (content: Buffer) => boolean> = {
  "application/pdf": (c) => startsWith(c, ascii("%PDF-")),
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ooxml("word/"),
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ooxml("xl/"),
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": ooxml("ppt/"),
  "application/vnd.oasis.opendocument.text": odf("application/vnd.oasis.opendocument.text"),
  "application/vnd.oasis.opendocument.spreadsheet": odf("application/vnd.oasis.opendocument.spreadsheet"),
  "application/vnd.oasis.opendocument.presentation": odf("application/vnd.oasis.opendocument.presentation"),
  "application/msword": ole(["WordDocument"]),
  "application/vnd.ms-excel": ole(["Workbook", "Book"]),
  "application/vnd.ms-powerpoint": ole(["PowerPoint Document"]),
  "image/png": (c) => startsWith(c, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  "image/jpeg": (c) => startsWith(c, Buffer.from([0xff, 0xd8, 0xff])),
  "image/gif": (c) => startsWith(c, ascii("GIF87a")) || startsWith(c, ascii("GIF89a")),
  "image/webp": (c) => startsWith(c, ascii("RIFF")) && startsWith(c, ascii("WEBP"), 8),
  "text/plain": isPlainText,
};

/** The file name endings each type may carry; the first is added when a name lacks a fitting one. */
const EXTENSIONS: Record<ExchangeMaterialType, string[]> = {
  "application/pdf": ["pdf"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["xlsx"],
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": ["pptx"],
  "application/vnd.oasis.opendocument.text": ["odt"],
  "application/vnd.oasis.opendocument.spreadsheet": ["ods"],
  "application/vnd.oasis.opendocument.presentation": ["odp"],
  "application/msword": ["doc"],
  "application/vnd.ms-excel": ["xls"],
  "application/vnd.ms-powerpoint": ["ppt"],
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/gif": ["gif"],
  "image/webp": ["webp"],
  "text/plain": ["txt", "csv", "md", "text"],
};

export const isMaterialType = (value: string): value is ExchangeMaterialType => value in CHECKS;

/** Whether the bytes are a file of the declared type. */
export const matchesMaterialType = (type: ExchangeMaterialType, content: Buffer): boolean =>
  CHECKS[type](content);

/**
 * A safe name for the file from the X-File-Name header (URI-encoded): no path, no control, bidi or
 * reserved characters, at most 120 characters, and an ending that fits the type — so that a text
 * called `page.html` is saved as `page.html.txt`, never opened as a web page.
 */
export function safeFileName(header: string | undefined, type: ExchangeMaterialType): string {
  let name = "";
  try {
    name = decodeURIComponent(header ?? "");
  } catch {
    name = "";
  }
  const cleaned = (name.split(/[/\\]/).pop() ?? "")
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}<>:"|?*]/gu, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  const endings = EXTENSIONS[type];
  const stem = [...cleaned].slice(0, 110).join("").trim() || "material";
  const ending = stem.includes(".") ? (stem.split(".").pop() ?? "").toLowerCase() : "";
  return endings.includes(ending) ? stem : `${stem}.${endings[0]}`;
}
