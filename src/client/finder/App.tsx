import { useCallback, useEffect, useMemo, useState } from "react";
import type { FinderLocale } from "#shared/directory.ts";
import { type Finder, FinderContext, linkHandler, useFinder } from "./context.ts";
import { applyLocale, isFinderLocale, LOCALE_NAMES, loadTranslator, type T } from "./i18n.ts";
import { OfferPage } from "./OfferPage.tsx";
import { SearchPage } from "./SearchPage.tsx";

const MAIN_ID = "finder-main";

function currentUrl() {
  return new URL(window.location.href);
}

/** The finder: a header with the language switch, the search or an offer, and a footer. */
export function App({ initialLang, initialT }: { initialLang: FinderLocale; initialT: T }) {
  const [url, setUrl] = useState(currentUrl);
  const [locale, setLocale] = useState({ lang: initialLang, t: initialT });
  const requested = url.searchParams.get("lang");
  const wanted = isFinderLocale(requested) ? requested : locale.lang;

  useEffect(() => {
    const onPop = () => setUrl(currentUrl());
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  // A change of language loads its catalogue; the old texts stay until it is there.
  useEffect(() => {
    if (wanted === locale.lang) return;
    let current = true;
    void loadTranslator(wanted).then((t) => {
      if (!current) return;
      applyLocale(wanted);
      setLocale({ lang: wanted, t });
    });
    return () => {
      current = false;
    };
  }, [wanted, locale.lang]);

  const navigate = useCallback((href: string) => {
    window.history.pushState(null, "", href);
    setUrl(currentUrl());
  }, []);
  const finder: Finder = useMemo(() => ({ ...locale, navigate }), [locale, navigate]);
  const { t, lang } = locale;
  const offerId = url.pathname.match(/^\/finder\/offers\/([0-9a-f-]{36})\/?$/)?.[1];
  const onLink = linkHandler(navigate);

  return (
    <FinderContext.Provider value={finder}>
      <a className="skip-link" href={`#${MAIN_ID}`}>
        {t("app.skipToContent")}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <a className="brand" href={`/finder?lang=${lang}`} onClick={onLink}>
            <span className="brand__name">{t("app.name")}</span>
            <span className="brand__tagline">{t("app.tagline")}</span>
          </a>
          <LanguageSwitch url={url} />
        </div>
      </header>
      <main id={MAIN_ID} tabIndex={-1}>
        {offerId ? <OfferPage id={offerId} /> : <SearchPage params={url.searchParams} />}
      </main>
      <footer className="site-footer">
        <p>{t("footer.about")}</p>
        <p>
          <a href="/login">{t("footer.staff")}</a>
        </p>
      </footer>
    </FinderContext.Provider>
  );
}

/** Links rather than a select: each language is one link that a counsellor can also send. */
function LanguageSwitch({ url }: { url: URL }) {
  const { t, lang, navigate } = useFinder();
  const onLink = linkHandler(navigate);
  const hrefFor = (l: FinderLocale) => {
    const params = new URLSearchParams(url.search);
    params.set("lang", l);
    return `${url.pathname}?${params.toString()}`;
  };
  return (
    <nav className="languages" aria-label={t("app.language")}>
      <ul>
        {(Object.keys(LOCALE_NAMES) as FinderLocale[]).map((l) => (
          <li key={l}>
            <a
              href={hrefFor(l)}
              lang={l}
              hrefLang={l}
              aria-current={l === lang ? "true" : undefined}
              onClick={onLink}
            >
              {LOCALE_NAMES[l]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
