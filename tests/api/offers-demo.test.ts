import { and, arrayContains, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { locations, offerLocations, offers, organisations } from "../../src/server/db/schema.ts";
import { TRANSLATION_GAPS } from "../../src/server/demo/offer-translations.ts";
import { generateOffers } from "../../src/server/demo/offers.ts";
import { seedDemo } from "../../src/server/demo/seed.ts";
import { OfferCreate, TRANSLATION_LOCALES } from "../../src/shared/contracts/offers.ts";
import { DISTRICT_KEYS } from "../../src/shared/domain.ts";
import { createTestDatabase } from "../helpers/db.ts";

const { db } = await createTestDatabase();
// Sachsen-Anhalt's bounding box (BKG VG5000), a little generous.
const inLand = (lat: number | null, lon: number | null) =>
  lat !== null && lon !== null && lat > 50.9 && lat < 53.05 && lon > 10.55 && lon < 13.2;

describe("the demo directory", () => {
  beforeAll(async () => {
    expect(await seedDemo(db)).toBe(true);
  });

  it("has a realistic number of offers, each with an English translation", async () => {
    const rows = await db.select().from(offers);
    expect(rows.length).toBeGreaterThanOrEqual(80);
    expect(rows.length).toBeLessThanOrEqual(150);
    for (const o of rows) {
      expect(o.translations.en?.name, o.name).toBeTruthy();
      expect(o.translations.en?.description, o.name).toBeTruthy();
    }
  });

  it("has every offer in every finder language, but for the few left untranslated on purpose", async () => {
    const rows = await db.select().from(offers);
    const gaps = rows.filter((o) => TRANSLATION_GAPS[o.name]);
    expect(gaps.length, "offers without some translations, to show the fallback").toBeGreaterThanOrEqual(2);
    for (const o of rows) {
      const gap = TRANSLATION_GAPS[o.name] ?? {};
      for (const locale of TRANSLATION_LOCALES) {
        const text = o.translations[locale];
        if (gap.name?.includes(locale as never)) {
          expect(text, `${o.name} (${locale})`).toBeUndefined();
          continue;
        }
        expect(text?.name, `${o.name} (${locale})`).toBeTruthy();
        if (gap.description?.includes(locale as never)) expect(text?.description).toBeUndefined();
        else expect(text?.description, `${o.name} (${locale})`).toBeTruthy();
      }
    }
    // Right-to-left texts are in their script, keep the official term and the place as written.
    const outreach = rows.find((o) => o.name === "Außensprechstunde Anerkennungsberatung Halberstadt");
    expect(outreach?.translations.ar?.name).toMatch(
      /^[\u0600-\u06ff].*\(Anerkennungsberatung\).*Halberstadt$/,
    );
    expect(outreach?.translations.fa?.description).toContain("Halberstadt");
    expect(outreach?.translations.uk?.name).toContain("визнання");
  });

  it("passes the API's own validation for every offer", async () => {
    const rows = await db.select().from(offers);
    for (const o of rows) {
      const parsed = OfferCreate.safeParse({
        ...o,
        offerType: o.offerType,
        translations: o.translations,
      });
      expect(parsed.success, `${o.name}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it("covers all five phases and all fourteen districts, by offers served and places", async () => {
    for (const phase of [1, 2, 3, 4, 5]) {
      const [row] = await db
        .select({ n: count() })
        .from(offers)
        .where(and(arrayContains(offers.phases, [phase]), eq(offers.status, "active")));
      expect(row?.n, `phase ${phase}`).toBeGreaterThanOrEqual(5);
    }
    for (const ags of DISTRICT_KEYS) {
      const [served] = await db
        .select({ n: count() })
        .from(offers)
        .where(and(arrayContains(offers.districts, [ags]), eq(offers.status, "active")));
      expect(served?.n, `district ${ags}`).toBeGreaterThanOrEqual(3);
      const [placed] = await db.select({ n: count() }).from(locations).where(eq(locations.districtAgs, ags));
      expect(placed?.n, `locations in ${ags}`).toBeGreaterThanOrEqual(1);
    }
  });

  it("uses all statuses and the community languages", async () => {
    const statuses = await db.selectDistinct({ s: offers.status }).from(offers);
    expect(statuses.map((r) => r.s).sort()).toEqual(["active", "defunct", "inactive", "temporarily closed"]);
    for (const lang of ["ar", "uk", "ru", "fa", "tr", "en"]) {
      const [row] = await db
        .select({ n: count() })
        .from(offers)
        .where(arrayContains(offers.languages, [lang]));
      expect(row?.n, lang).toBeGreaterThanOrEqual(3);
    }
  });

  it("has an active Arabic-language Anerkennungsberatung in Magdeburg", async () => {
    const rows = await db
      .select({ name: offers.name })
      .from(offers)
      .where(
        and(
          eq(offers.offerType, "anerkennungsberatung"),
          eq(offers.status, "active"),
          arrayContains(offers.languages, ["ar"]),
          arrayContains(offers.districts, ["15003"]),
        ),
      );
    expect(rows.length).toBeGreaterThanOrEqual(1);
  });

  it("places every location inside Sachsen-Anhalt and gives every offer a location and opening hours", async () => {
    const places = await db.select().from(locations);
    for (const l of places) expect(inLand(l.latitude, l.longitude), `${l.name} ${l.city}`).toBe(true);
    const [unplaced] = await db
      .select({ n: count() })
      .from(offers)
      .where(
        sql`not exists (select 1 from ${offerLocations} where ${offerLocations.offerId} = ${offers.id})`,
      );
    expect(unplaced?.n).toBe(0);
    const withoutHours = (await db.select({ hsds: offers.hsds }).from(offers)).filter(
      (o) => !Array.isArray(o.hsds.schedules) || o.hsds.schedules.length === 0,
    );
    expect(withoutHours).toEqual([]);
  });

  it("seeds only once", async () => {
    const [before] = await db.select({ n: count() }).from(offers);
    expect(await seedDemo(db)).toBe(false);
    const [after] = await db.select({ n: count() }).from(offers);
    expect(after?.n).toBe(before?.n);
  });
});

describe("the benchmark generator", () => {
  it("inserts 10,000 offers over 500 organisations in a few seconds, the same for the same seed", async () => {
    const started = performance.now();
    const result = await generateOffers(db, { organisations: 500, offers: 10_000, seed: 7 });
    const seconds = (performance.now() - started) / 1000;
    expect(result.offers).toBe(10_000);
    expect(result.organisationIds).toHaveLength(500);
    expect(seconds).toBeLessThan(20);
    const [row] = await db
      .select({ n: count() })
      .from(offers)
      .innerJoin(organisations, eq(organisations.id, offers.organisationId))
      .where(sql`${organisations.name} like 'Bench-Organisation %'`);
    expect(row?.n).toBe(10_000);
    const names = await db
      .select({ name: offers.name })
      .from(offers)
      .where(eq(offers.organisationId, result.organisationIds[3] ?? ""))
      .orderBy(offers.name);
    const again = await generateOffers(db, { organisations: 500, offers: 10_000, seed: 7 });
    const namesAgain = await db
      .select({ name: offers.name })
      .from(offers)
      .where(eq(offers.organisationId, again.organisationIds[3] ?? ""))
      .orderBy(offers.name);
    expect(namesAgain).toEqual(names);
    // The generated offers are translated like the demo's, so the benchmark searches translated texts.
    const [translated] = await db
      .select({ n: count() })
      .from(offers)
      .where(
        and(
          sql`${offers.organisationId} = any(${sql.param(result.organisationIds)}::uuid[])`,
          sql`${offers.translations} ?& array['en', 'ar', 'uk', 'ru', 'fa', 'tr']`,
        ),
      );
    expect(translated?.n).toBeGreaterThan(9_000);
  }, 60_000);
});
