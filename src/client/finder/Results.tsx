import type { ReactNode } from "react";
import type { FinderOfferSummary, FinderResults } from "#shared/contracts/finder.ts";
import { DISTRICTS } from "#shared/domain.ts";
import { linkHandler, listOf, useFinder } from "./context.ts";
import { isolated } from "./i18n.ts";
import { Untranslated } from "./Untranslated.tsx";
import { finderHref, offerHref, type Search } from "./url.ts";

type Props = { search: Search; results: FinderResults | undefined; failed: boolean; loading: boolean };

/** "3 km", "12 km", "0.4 km" in the visitor's language, with the digits of the postcodes (0–9). */
export function formatDistance(lang: string, km: number): string {
  return new Intl.NumberFormat(lang, {
    style: "unit",
    unit: "kilometer",
    unitDisplay: "short",
    maximumFractionDigits: km < 10 ? 1 : 0,
    numberingSystem: "latn",
  }).format(km);
}

/** The result count and where distances are measured from (announced politely), the offers and the pager. */
export function Results({ search, results, failed, loading }: Props) {
  const { t } = useFinder();
  const district = DISTRICTS.find((d) => d.ags === search.district)?.name;
  let status: ReactNode = "";
  if (failed) status = t("results.error");
  else if (!results) status = t("results.loading");
  else if (results.total === 0) status = t("results.none");
  else if (district)
    status = (
      <>
        {t("results.count", { count: results.total })} {isolated(t, "results.inDistrict", { district })}
      </>
    );
  else status = t("results.count", { count: results.total });
  return (
    <>
      <div className="results-status" role="status">
        <p>{status}</p>
        {results?.near ? <NearNote near={results.near} typed={search.near} /> : null}
      </div>
      {results?.match === "similar" && results.total > 0 ? (
        <p className="results-similar">{isolated(t, "results.similar", { q: search.q })}</p>
      ) : null}
      {results && results.items.length > 0 ? (
        <ol className={`results${loading ? " results--stale" : ""}`}>
          {results.items.map((offer) => (
            <li key={offer.id}>
              <OfferCard offer={offer} />
            </li>
          ))}
        </ol>
      ) : null}
      {results ? <Pager search={search} results={results} /> : null}
    </>
  );
}

/** Where the distances are measured from, or that the place is not known. */
function NearNote({ near, typed }: { near: NonNullable<FinderResults["near"]>; typed: string }) {
  const { t } = useFinder();
  if (!near.found)
    return <p className="results-note">{isolated(t, "results.nearUnknown", { near: typed })}</p>;
  const place = [near.postcode, near.place].filter(Boolean).join(" ") || typed;
  return <p className="results-note">{isolated(t, "results.nearFrom", { place })}</p>;
}

function OfferCard({ offer }: { offer: FinderOfferSummary }) {
  const { t, lang, navigate } = useFinder();
  // The visitor reads a note in their own language wherever a German text stands in for a translation.
  const inGerman = (textLang: string) => lang !== "de" && textLang === "de";
  const nameUntranslated = inGerman(offer.nameLang);
  const summaryUntranslated = !nameUntranslated && offer.summary !== null && inGerman(offer.summaryLang);
  return (
    <article className="offer-card">
      <h3>
        <a href={offerHref(offer.id, lang)} lang={offer.nameLang} dir="auto" onClick={linkHandler(navigate)}>
          {offer.name}
        </a>
      </h3>
      {nameUntranslated ? <Untranslated /> : null}
      <p className="offer-card__provider">
        <bdi>{offer.organisation}</bdi>
        {offer.city ? (
          <>
            {" · "}
            <bdi>{offer.city}</bdi>
          </>
        ) : null}
        {offer.distanceKm !== null ? (
          <>
            {" · "}
            <span className="offer-card__distance">
              {isolated(t, "results.distance", { distance: formatDistance(lang, offer.distanceKm) })}
            </span>
          </>
        ) : null}
      </p>
      {summaryUntranslated ? <Untranslated /> : null}
      {offer.summary ? (
        <p className="offer-card__summary" lang={offer.summaryLang} dir="auto">
          {offer.summary}
        </p>
      ) : null}
      <ul className="tags">
        {offer.type ? <li>{offer.type.label}</li> : null}
        {offer.freeOfCharge ? <li className="tag--free">{t("results.free")}</li> : null}
        {offer.languages.length > 0 ? (
          <li>
            {t("offer.languages")}:{" "}
            {listOf(
              lang,
              offer.languages.map((l) => l.label),
            )}
          </li>
        ) : null}
      </ul>
    </article>
  );
}

function Pager({ search, results }: { search: Search; results: FinderResults }) {
  const { t, lang, navigate } = useFinder();
  const pages = Math.ceil(results.total / results.pageSize);
  if (pages <= 1) return null;
  const onLink = linkHandler(navigate);
  return (
    <nav className="pager" aria-label={t("results.pages")}>
      {search.page > 1 ? (
        <a href={finderHref({ ...search, page: search.page - 1 }, lang)} onClick={onLink}>
          {t("results.previous")}
        </a>
      ) : null}
      <span>{t("results.page", { page: search.page, pages })}</span>
      {search.page < pages ? (
        <a href={finderHref({ ...search, page: search.page + 1 }, lang)} onClick={onLink}>
          {t("results.next")}
        </a>
      ) : null}
    </nav>
  );
}
