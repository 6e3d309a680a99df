import { and, asc, eq } from "drizzle-orm";
import type { Db } from "#server/db/client.ts";
import { locations, offerLocations, offers } from "#server/modules/offers/tables.ts";
import { notFound } from "#server/platform/errors.ts";
import { organisations } from "#server/platform/tables.ts";
import type { FinderOffer, FinderSchedule } from "#shared/contracts/finder.ts";
import type { FinderLocale } from "#shared/directory.ts";
import { labeller } from "./labels.ts";
import { list, shorten, str } from "./texts.ts";

const DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
type Day = (typeof DAYS)[number];

/** HSDS schedules (RFC 5545 style) as the finder shows them: weekdays, opening and closing time, a note. */
function schedules(value: unknown): FinderSchedule[] {
  return list(value).flatMap((s) => {
    const byday = str(s.byday) ?? "";
    const days = byday
      .split(",")
      .map((d) => d.trim().toUpperCase().slice(-2))
      .filter((d): d is Day => (DAYS as readonly string[]).includes(d));
    const time = (v: unknown) =>
      str(v)
        ?.match(/^(\d{1,2}):(\d{2})/)
        ?.slice(1, 3)
        .join(":") ?? null;
    const schedule = {
      days: DAYS.filter((d) => days.includes(d)),
      opensAt: time(s.opens_at),
      closesAt: time(s.closes_at),
      description: str(s.description) ?? str(s.notes),
    };
    return schedule.days.length || schedule.opensAt || schedule.description ? [schedule] : [];
  });
}

function phones(value: unknown) {
  return list(value).flatMap((p) => {
    const number = str(p.number);
    return number ? [{ number, description: str(p.description) }] : [];
  });
}

/** One offer of the public finder; an inactive offer or one of an inactive organisation is not found. */
export async function getFinderOffer({
  db,
  id,
  lang,
}: {
  db: Db;
  id: string;
  lang: FinderLocale;
}): Promise<FinderOffer> {
  const [row] = await db
    .select({
      offer: offers,
      organisation: {
        name: organisations.name,
        email: organisations.email,
        phone: organisations.phone,
        website: organisations.website,
      },
    })
    .from(offers)
    .innerJoin(organisations, eq(organisations.id, offers.organisationId))
    .where(and(eq(offers.id, id), eq(offers.status, "active"), eq(organisations.status, "active")));
  if (!row) throw notFound();
  const places = await db
    .select({ location: locations, at: offerLocations.hsds })
    .from(offerLocations)
    .innerJoin(locations, eq(locations.id, offerLocations.locationId))
    .where(eq(offerLocations.offerId, id))
    .orderBy(asc(locations.name), asc(locations.id));

  const { offer, organisation } = row;
  const hsds = offer.hsds;
  const l = labeller(lang);
  const tr = offer.translations[lang];
  const name = str(tr?.name);
  const description = str(tr?.description);
  return {
    id: offer.id,
    name: name ?? offer.name,
    nameLang: name ? lang : "de",
    summary: shorten(description ?? offer.description, 240),
    summaryLang: description ? lang : "de",
    description: description ?? str(offer.description),
    descriptionLang: description ? lang : "de",
    organisation: organisation.name,
    type: l.type(offer.offerType),
    phases: [...offer.phases].sort().map(l.phase),
    districts: offer.districts.flatMap((d) => l.district(d) ?? []),
    languages: offer.languages.map(l.language),
    targetGroups: offer.targetGroups.map(l.targetGroup),
    freeOfCharge: offer.freeOfCharge,
    city: places.find((p) => p.location.city)?.location.city ?? null,
    distanceKm: null,
    minGermanLevel: offer.minGermanLevel,
    fees: str(hsds.fees_description),
    applicationProcess: str(hsds.application_process),
    eligibility: str(hsds.eligibility_description),
    contact: {
      email: str(hsds.email),
      website: str(hsds.url),
      phones: phones(hsds.phones),
      persons: list(hsds.contacts).map((c) => ({
        name: str(c.name),
        title: str(c.title),
        email: str(c.email),
        phone: phones(c.phones)[0]?.number ?? null,
      })),
    },
    organisationContact: organisation,
    schedules: schedules(hsds.schedules),
    locations: places.map(({ location, at }) => ({
      id: location.id,
      name: location.name,
      kind: location.locationType as "physical" | "postal" | "virtual",
      description: str(location.description),
      url: str(location.hsds.url),
      street: location.street,
      postcode: location.postcode,
      city: location.city,
      district: l.district(location.districtAgs),
      latitude: location.latitude,
      longitude: location.longitude,
      accessibility: list(location.hsds.accessibility).flatMap((a) => {
        const text = str(a.description);
        return text ? [{ description: text, details: str(a.details), url: str(a.url) }] : [];
      }),
      // Hours at this place for this offer come first; otherwise the place's own.
      schedules: schedules(at.schedules).length
        ? schedules(at.schedules)
        : schedules(location.hsds.schedules),
      phones: phones(location.hsds.phones),
    })),
  };
}
