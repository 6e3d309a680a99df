import { type ReactNode, useEffect, useState } from "react";
import type { FinderLocation, FinderOffer, FinderSchedule } from "#shared/contracts/finder.ts";
import { offerPageTitle } from "#shared/i18n/finder/page-title.ts";
import { finderApi, getJson, linkHandler, listOf, useFinder, useFocusOnChange } from "./context.ts";
import { Untranslated } from "./Untranslated.tsx";
import { lastSearchHref } from "./url.ts";

type Load = { key: string; offer?: FinderOffer; status?: number };

/** One offer: what it is, for whom, in which languages, when and where, and how to get in touch. */
export function OfferPage({ id }: { id: string }) {
  const { t, lang, navigate } = useFinder();
  const key = `${id}|${lang}`;
  const [load, setLoad] = useState<Load>({ key: "" });
  const heading = useFocusOnChange<HTMLHeadingElement>(load.offer ? load.key : "");

  useEffect(() => {
    const controller = new AbortController();
    getJson(finderApi.offer, { params: { id }, query: { lang } }, controller.signal)
      .then((offer) => setLoad({ key, offer }))
      .catch((err: { status?: number }) => {
        if (!controller.signal.aborted) setLoad({ key, status: err.status ?? 0 });
      });
    return () => controller.abort();
  }, [id, lang, key]);

  const offer = load.offer;
  useEffect(() => {
    if (offer) document.title = offerPageTitle(t, offer.name);
    else if (load.status) document.title = offerPageTitle(t, t("offer.notFound"));
  }, [offer, load.status, t]);

  const back = (
    <p className="back">
      <a href={lastSearchHref(lang)} onClick={linkHandler(navigate)}>
        {t("offer.back")}
      </a>
    </p>
  );
  if (load.status) {
    return (
      <>
        {back}
        <h1>{load.status === 404 ? t("offer.notFound") : t("offer.error")}</h1>
      </>
    );
  }
  if (!offer) {
    return (
      <>
        {back}
        <p role="status">{t("results.loading")}</p>
      </>
    );
  }
  const costs =
    offer.freeOfCharge === true
      ? t("offer.free")
      : offer.freeOfCharge === false
        ? t("offer.notFree")
        : t("offer.notStated");
  // A note in the visitor's language wherever German stands in for a missing translation.
  const inGerman = (textLang: string) => lang !== "de" && textLang === "de";
  const germanOnly = lang !== "de" && Boolean(offer.fees || offer.eligibility || offer.applicationProcess);
  return (
    <article className="offer-page">
      {back}
      <h1 ref={heading} tabIndex={-1} lang={offer.nameLang} dir="auto">
        {offer.name}
      </h1>
      {inGerman(offer.nameLang) ? <Untranslated /> : null}
      <p className="offer-page__provider">
        {t("offer.provider")}: <bdi>{offer.organisation}</bdi>
      </p>
      {offer.description ? (
        <div className="offer-page__description">
          {inGerman(offer.descriptionLang) && !inGerman(offer.nameLang) ? <Untranslated /> : null}
          <p lang={offer.descriptionLang} dir="auto">
            {offer.description}
          </p>
        </div>
      ) : null}

      <section aria-labelledby="offer-details">
        <h2 id="offer-details">{t("offer.details")}</h2>
        {germanOnly ? <p className="untranslated">{t("offer.germanOnly")}</p> : null}
        <dl className="facts">
          <Fact label={t("offer.type")}>{offer.type?.label ?? t("offer.notStated")}</Fact>
          <Fact label={t("offer.languages")}>
            {listOf(
              lang,
              offer.languages.map((l) => l.label),
            ) || t("offer.notStated")}
          </Fact>
          <Fact label={t("offer.costs")}>
            {costs}
            {offer.fees ? (
              <>
                {" – "}
                <bdi lang="de">{offer.fees}</bdi>
              </>
            ) : null}
          </Fact>
          {offer.minGermanLevel ? <Fact label={t("offer.germanLevel")}>{offer.minGermanLevel}</Fact> : null}
          {offer.targetGroups.length ? (
            <Fact label={t("offer.targetGroups")}>
              {listOf(
                lang,
                offer.targetGroups.map((g) => g.label),
              )}
            </Fact>
          ) : null}
          {offer.phases.length ? (
            <Fact label={t("offer.phases")}>
              {listOf(
                lang,
                offer.phases.map((p) => `${p.code}. ${p.label}`),
              )}
            </Fact>
          ) : null}
          {offer.districts.length ? (
            <Fact label={t("offer.districts")}>
              {listOf(
                lang,
                offer.districts.map((d) => d.label),
              )}
            </Fact>
          ) : null}
          {offer.eligibility ? (
            <Fact label={t("offer.eligibility")}>
              <span lang="de" dir="auto">
                {offer.eligibility}
              </span>
            </Fact>
          ) : null}
          {offer.applicationProcess ? (
            <Fact label={t("offer.application")}>
              <span lang="de" dir="auto">
                {offer.applicationProcess}
              </span>
            </Fact>
          ) : null}
        </dl>
      </section>

      <Contact offer={offer} />

      <section aria-labelledby="offer-hours">
        <h2 id="offer-hours">{t("offer.openingHours")}</h2>
        {offer.schedules.length ? (
          <Schedules schedules={offer.schedules} />
        ) : (
          <p>{t("offer.noOpeningHours")}</p>
        )}
      </section>

      {offer.locations.length ? (
        <section aria-labelledby="offer-places">
          <h2 id="offer-places">{t("offer.places")}</h2>
          {offer.locations.map((l) => (
            <Place key={l.id} place={l} />
          ))}
        </section>
      ) : null}
    </article>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Contact({ offer }: { offer: FinderOffer }) {
  const { t } = useFinder();
  const email = offer.contact.email ?? offer.organisationContact.email;
  const website = offer.contact.website ?? offer.organisationContact.website;
  const phones = offer.contact.phones.length
    ? offer.contact.phones
    : offer.organisationContact.phone
      ? [{ number: offer.organisationContact.phone, description: null }]
      : [];
  return (
    <section aria-labelledby="offer-contact">
      <h2 id="offer-contact">{t("offer.contact")}</h2>
      <dl className="facts">
        {offer.contact.persons
          .filter((p) => p.name)
          .map((p) => (
            <Fact key={p.name} label={t("offer.contactPerson")}>
              <bdi>{p.name}</bdi>
              {p.title ? (
                <>
                  {", "}
                  <bdi>{p.title}</bdi>
                </>
              ) : null}
            </Fact>
          ))}
        {phones.map((p) => (
          <Fact key={p.number} label={t("offer.phone")}>
            <a href={`tel:${p.number.replace(/[^\d+]/g, "")}`} dir="ltr">
              {p.number}
            </a>
            {p.description ? (
              <>
                {" ("}
                <bdi lang="de">{p.description}</bdi>
                {")"}
              </>
            ) : null}
          </Fact>
        ))}
        {email ? (
          <Fact label={t("offer.email")}>
            <a href={`mailto:${email}`} dir="ltr">
              {email}
            </a>
          </Fact>
        ) : null}
        {website ? (
          <Fact label={t("offer.website")}>
            <a href={website} dir="ltr" rel="noopener">
              {website.replace(/^https?:\/\//, "")}
            </a>
          </Fact>
        ) : null}
      </dl>
    </section>
  );
}

function Schedules({ schedules }: { schedules: FinderSchedule[] }) {
  const { t, lang } = useFinder();
  return (
    <ul className="schedules">
      {schedules.map((s) => (
        <li key={`${s.days.join()}-${s.opensAt}-${s.closesAt}-${s.description}`}>
          {listOf(
            lang,
            s.days.map((d) => t(`days.${d}`)),
          )}
          {s.opensAt && s.closesAt ? (
            <>
              {s.days.length ? ": " : ""}
              <span dir="ltr">
                {s.opensAt}–{s.closesAt}
              </span>
            </>
          ) : null}
          {s.description ? (
            <>
              {" ("}
              <bdi lang="de">{s.description}</bdi>
              {")"}
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function Place({ place }: { place: FinderLocation }) {
  const { t } = useFinder();
  return (
    <div className="place">
      {place.name ? (
        <h3 lang="de" dir="auto">
          {place.name}
        </h3>
      ) : (
        <h3 dir="auto">{place.kind === "virtual" ? t("offer.online") : place.city}</h3>
      )}
      {place.kind === "virtual" ? (
        place.url ? (
          <p>
            <a href={place.url} dir="ltr" rel="noopener">
              {place.url}
            </a>
          </p>
        ) : null
      ) : (
        <>
          <h4>{t("offer.address")}</h4>
          {/* A German address stays in German order, each line its own island in a right-to-left page. */}
          <address>
            {place.street ? <bdi>{place.street}</bdi> : null}
            {place.postcode || place.city ? (
              <bdi>{[place.postcode, place.city].filter(Boolean).join(" ")}</bdi>
            ) : null}
            {place.district ? <bdi>{place.district.label}</bdi> : null}
          </address>
          {place.description ? (
            <p lang="de" dir="auto">
              {place.description}
            </p>
          ) : null}
          <h4>{t("offer.accessibility")}</h4>
          {place.accessibility.length ? (
            <ul lang="de" dir="auto">
              {place.accessibility.map((a) => (
                <li key={a.description}>
                  {a.description}
                  {a.details ? ` – ${a.details}` : ""}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("offer.noAccessibility")}</p>
          )}
        </>
      )}
      {place.schedules.length ? (
        <>
          <h4>{t("offer.openingHours")}</h4>
          <Schedules schedules={place.schedules} />
        </>
      ) : null}
    </div>
  );
}
