import type { FinderOfferSummary, FinderResults } from "../../shared/contracts/finder.ts";
import { DISTRICTS } from "../../shared/domain.ts";
import { linkHandler, listOf, useFinder } from "./context.ts";
import { finderHref, offerHref, type Search } from "./url.ts";

type Props = { search: Search; results: FinderResults | undefined; failed: boolean; loading: boolean };

/** The result count (announced politely), the offers of this page and the pager. */
export function Results({ search, results, failed, loading }: Props) {
  const { t } = useFinder();
  const district = DISTRICTS.find((d) => d.ags === search.district)?.name;
  let status = "";
  if (failed) status = t("results.error");
  else if (!results) status = t("results.loading");
  else if (results.total === 0) status = t("results.none");
  else {
    status = t("results.count", { count: results.total });
    if (district) status += ` ${t("results.inDistrict", { district })}`;
  }
  return (
    <>
      <p className="results-status" role="status">
        {status}
      </p>
      {results?.match === "similar" && results.total > 0 ? (
        <p className="results-similar">{t("results.similar", { q: search.q })}</p>
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

function OfferCard({ offer }: { offer: FinderOfferSummary }) {
  const { t, lang, navigate } = useFinder();
  return (
    <article className="offer-card">
      <h3>
        <a href={offerHref(offer.id, lang)} lang={offer.nameLang} dir="auto" onClick={linkHandler(navigate)}>
          {offer.name}
        </a>
      </h3>
      <p className="offer-card__provider">
        <span dir="auto">{offer.organisation}</span>
        {offer.city ? <span> · {offer.city}</span> : null}
      </p>
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
