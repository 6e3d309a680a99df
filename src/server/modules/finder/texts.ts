/** The start of a text, cut at a word boundary, with an ellipsis when something was cut. */
export function shorten(text: string | null | undefined, max: number): string | null {
  const t = text?.trim();
  if (!t) return null;
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()} …`;
}

/** A non-empty trimmed string, or null: for fields of imported HSDS objects, which may hold anything. */
export function str(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** An array from an imported HSDS field, or an empty one. */
export function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.filter((v): v is Record<string, unknown> => typeof v === "object" && v !== null)
    : [];
}
