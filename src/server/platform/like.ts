/** Escapes % and _ so that a search term in ILIKE matches literally. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The ILIKE pattern for "contains this text", with the text taken literally. */
export function containsPattern(s: string): string {
  return `%${escapeLike(s)}%`;
}
