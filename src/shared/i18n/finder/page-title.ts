/** A lookup of one finder catalogue: dotted key → text. */
type Lookup = (key: string) => string;

/**
 * The finder's page titles, the same in the HTML the server sends (before any script) and in the
 * browser afterwards: the search ("Sprachkurs · Angebote finden · Angebotsfinder") and an offer.
 */
export function searchPageTitle(t: Lookup, q?: string): string {
  return `${q ? `${q} · ` : ""}${t("search.heading")} · ${t("app.name")}`;
}

export function offerPageTitle(t: Lookup, offerName?: string): string {
  return offerName ? `${offerName} · ${t("app.name")}` : t("app.name");
}
