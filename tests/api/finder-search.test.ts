import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import { connect } from "../../src/server/db/client.ts";
import {
  finderChanges,
  locations,
  offerLocations,
  offers,
  organisations,
} from "../../src/server/db/schema.ts";
import { pruneFinderChanges } from "../../src/server/modules/finder/engine/store.ts";
import type { FinderResults } from "../../src/shared/contracts/finder.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildOrganisation } from "../helpers/factories.ts";

// What visitors type, in their languages, against a small directory written for it: the hits
// each search must find and the offers it must leave out.
const t = await createTestApp();

type OfferInput = Partial<typeof offers.$inferInsert> & {
  place?: { city: string; postcode: string; lat: number; lng: number };
};

async function offer(organisationId: string, input: OfferInput) {
  const { place, ...values } = input;
  const [row] = await t.db
    .insert(offers)
    .values({
      name: "Angebot",
      organisationId,
      phases: [2],
      districts: ["15003"],
      languages: ["de"],
      ...values,
    })
    .returning();
  if (!row) throw new Error("no offer");
  if (place) {
    const [location] = await t.db
      .insert(locations)
      .values({
        organisationId,
        name: place.city,
        city: place.city,
        postcode: place.postcode,
        latitude: place.lat,
        longitude: place.lng,
      })
      .returning();
    await t.db.insert(offerLocations).values({ offerId: row.id, locationId: location?.id as string });
  }
  return row.id;
}

async function search(query: Record<string, string>): Promise<FinderResults> {
  const res = await t.app.inject({ method: "GET", url: "/api/finder/offers", query: { ...query } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const ids = async (query: Record<string, string>) => (await search(query)).items.map((i) => i.id);

const o: Record<string, string> = {};

beforeAll(async () => {
  const elbe = await buildOrganisation(t.db, { name: "Bildungswerk Elbe-Börde" });
  const iq = await buildOrganisation(t.db, { name: "IQ Fachstelle Halle" });
  o.compound = await offer(iq.id, {
    name: "Berufsanerkennungsberatung für Gesundheitsberufe",
    description: "Wir begleiten Ärztinnen und Pflegekräfte durch das Verfahren.",
    offerType: "anerkennungsberatung",
    occupationFields: ["81"],
    translations: {
      en: {
        name: "Recognition counselling for health professions",
        description: "We guide doctors and nurses through the procedure.",
      },
      ar: {
        name: "استشارة الاعتراف بالمؤهلات للمهن الصحية",
        description: "نرافق الأطباء والممرضين خلال إجراءات الاعتراف.",
      },
      uk: {
        name: "Консультація з визнання кваліфікацій для медичних професій",
        description: "Супроводжуємо лікарів і медсестер у процедурі визнання.",
      },
      ru: {
        name: "Консультация по признанию квалификаций для медицинских профессий",
        description: "Сопровождаем врачей и медсестёр в процедуре признания.",
      },
      fa: {
        name: "مشاوره ارزشیابی مدرک برای مشاغل پزشکی",
        description: "پزشکان و پرستاران را در روند معادل سازی همراهی می‌کنیم.",
      },
      tr: {
        name: "Sağlık meslekleri için denklik danışmanlığı",
        description: "Doktorları ve hemşireleri tanınma sürecinde destekliyoruz.",
      },
    },
    place: { city: "Halle", postcode: "06108", lat: 51.483, lng: 11.972 },
  });
  o.plain = await offer(iq.id, {
    name: "Anerkennung ausländischer Abschlüsse",
    description: "Erstinformation zur Anerkennung.",
    offerType: "anerkennungsberatung",
    phases: [1],
    place: { city: "Magdeburg", postcode: "39104", lat: 52.1277, lng: 11.6292 },
  });
  o.language = await offer(elbe.id, {
    name: "Berufssprachkurs Pflege B2",
    description: "Deutsch für den Beruf in der Pflege.",
    offerType: "berufssprachkurs",
    phases: [3],
    languages: ["de", "uk"],
    translations: { uk: { name: "Професійний мовний курс для догляду B2" } },
    place: { city: "Wernigerode", postcode: "38855", lat: 51.8352, lng: 10.7853 },
  });
  o.bridge = await offer(elbe.id, {
    name: "Brückenkurs Technik",
    description: "Fachliche Vorbereitung auf den Arbeitsmarkt.",
    occupationFields: ["27"],
    phases: [3],
  });
  o.care = await offer(elbe.id, {
    name: "Kinderbetreuung während der Kurse",
    description: "Betreuung für Kinder bis sechs Jahre.",
    phases: [4],
  });
});

describe("finder search: words inside compounds and close spellings", () => {
  it("finds the word inside a compound, with the offers named by the word itself first", async () => {
    const found = await ids({ q: "Anerkennung" });
    expect(found).toContain(o.compound);
    expect(found).toContain(o.plain);
    expect(found.indexOf(o.plain as string)).toBeLessThan(found.indexOf(o.compound as string));
    expect(found).not.toContain(o.language);
  });

  it("finds more with a part of a compound than with the whole compound", async () => {
    const whole = await search({ q: "Anerkennungsberatung" });
    const part = await search({ q: "Anerkennung" });
    expect(part.total).toBeGreaterThanOrEqual(whole.total);
    expect(whole.items.map((i) => i.id)).toContain(o.compound);
  });

  it("finds a misspelt word, also inside a compound, and says the results are close spellings", async () => {
    const result = await search({ q: "Anerkenung" });
    expect(result.items.map((i) => i.id)).toEqual(expect.arrayContaining([o.plain, o.compound]));
    expect(result.match).toBe("similar");
  });

  it("finds another form of a word (stemming) and words typed without umlauts", async () => {
    expect(await ids({ q: "Anerkennungsberatungen" })).toContain(o.compound);
    expect(await ids({ q: "Aerztinnen" })).toContain(o.compound);
    expect(await ids({ q: "Sprachkurse" })).toContain(o.language);
  });

  it("leaves out what does not match", async () => {
    expect(await ids({ q: "xqzwvkjh" })).toEqual([]);
    expect(await ids({ q: "Beratung" })).not.toContain(o.care);
    expect(await ids({ q: "Kinderbetreuung" })).toEqual([o.care]);
    expect(await ids({ q: "Anerkennung Wernigerode" })).toEqual([]);
  });

  it("never finds more with a filter than without", async () => {
    for (const q of ["Anerkennung", "Anerkenung", "Kurs", "Pflege", "визнання", "Beratung"]) {
      const all = await search({ q });
      const allIds = new Set(all.items.map((i) => i.id));
      for (const filter of [
        { phase: "1" },
        { phase: "3" },
        { type: "anerkennungsberatung" },
        { district: "15003" },
        { language: "uk" },
      ] as Record<string, string>[]) {
        const filtered = await search({ q, ...filter });
        expect(filtered.total, `${q} ${JSON.stringify(filter)}`).toBeLessThanOrEqual(all.total);
        for (const item of filtered.items)
          expect(allIds.has(item.id), `${q} ${JSON.stringify(filter)}`).toBe(true);
      }
    }
  });
});

describe("finder search: the visitor's language", () => {
  it.each([
    ["ar", "الاعتراف"],
    ["ar", "اعتراف المهن الصحية"],
    ["uk", "визнання"],
    ["uk", "медичних професій"],
    ["ru", "признание"],
    ["ru", "медицинских профессий"],
    ["fa", "ارزشیابی مدرک"],
    ["fa", "معادل سازی"],
    ["tr", "denklik"],
    ["tr", "sağlık meslekleri"],
    ["en", "recognition"],
  ])("in %s, «%s» finds the translated offer, shown in that language", async (lang, q) => {
    const result = await search({ q, lang });
    const item = result.items.find((i) => i.id === o.compound);
    expect(item, q).toBeDefined();
    expect(item?.nameLang).toBe(lang);
  });

  it("maps the network's vocabulary: «мовний курс» finds the Berufssprachkurs, «робота» too little", async () => {
    expect(await ids({ q: "мовний курс", lang: "uk" })).toContain(o.language);
    expect(await ids({ q: "языковой курс", lang: "ru" })).toContain(o.language);
    expect(await ids({ q: "dil kursu", lang: "tr" })).toContain(o.language);
    expect(await ids({ q: "دورة لغة", lang: "ar" })).toContain(o.language);
    expect(await ids({ q: "كلاس زبان", lang: "fa" })).toContain(o.language);
    expect(await ids({ q: "мовний курс", lang: "uk" })).not.toContain(o.compound);
  });

  it("falls back to German where a text is not translated, and says so", async () => {
    const result = await search({ q: "Brückenkurs", lang: "uk" });
    expect(result.items[0]).toMatchObject({
      id: o.bridge,
      name: "Brückenkurs Technik",
      nameLang: "de",
      summaryLang: "de",
    });
  });
});

describe("finder search: providers, places, occupations and distance", () => {
  it("finds offers by their provider's name", async () => {
    const found = await ids({ q: "Elbe-Börde" });
    expect(found).toEqual(expect.arrayContaining([o.language, o.bridge, o.care]));
    expect(found).not.toContain(o.plain);
  });

  it("finds offers by the place they are given at", async () => {
    expect(await ids({ q: "Wernigerode" })).toEqual([o.language]);
    expect(await ids({ q: "Pflege Wernigerode" })).toEqual([o.language]);
  });

  it("finds offers by an everyday occupation title of the occupation fields they serve", async () => {
    expect(await ids({ q: "Ingenieur" })).toContain(o.bridge);
    expect(await ids({ q: "Krankenschwester" })).toContain(o.compound);
  });

  it("orders by distance from a postcode or place and says from where", async () => {
    const fromHalle = await search({ q: "Anerkennung", near: "06108" });
    expect(fromHalle.near).toEqual({ found: true, place: "Halle", postcode: "06108" });
    expect(fromHalle.items.map((i) => i.id).slice(0, 2)).toEqual([o.compound, o.plain]);
    expect(fromHalle.items[0]?.distanceKm).toBeLessThan(1);
    expect(fromHalle.items[1]?.distanceKm).toBeGreaterThan(60);
    const fromMagdeburg = await search({ q: "Anerkennung", near: "Magdeburg" });
    expect(fromMagdeburg.items.map((i) => i.id).slice(0, 2)).toEqual([o.plain, o.compound]);
    const unknown = await search({ q: "Anerkennung", near: "Atlantis" });
    expect(unknown.near).toEqual({ found: false, place: null, postcode: null });
    expect(unknown.items[0]?.distanceKm).toBeNull();
  });

  it("puts offers without a place last when ordering by distance", async () => {
    const result = await search({ near: "38855" });
    expect(result.items[0]?.id).toBe(o.language);
    const withoutPlace = result.items.findIndex((i) => i.distanceKm === null);
    for (const item of result.items.slice(withoutPlace)) expect(item.distanceKm).toBeNull();
  });

  it("answers odd input with results or a clear error, never a failure", async () => {
    for (const q of ["*", "%_", "' or 1=1 --", "a", "ال", "😀", "Ä".repeat(200), "1234567", "-", "\u200c"]) {
      const res = await t.app.inject({ method: "GET", url: "/api/finder/offers", query: { q, near: q } });
      expect([200, 400], q).toContain(res.statusCode);
    }
  });
});

describe("finder search: every instance sees every change", () => {
  const second = connect(t.url);
  const other = buildApp({ db: second.db, config: t.config });
  afterAll(async () => {
    await (await other).close();
    await second.pool.end();
  });
  const onOther = async (query: Record<string, string>) => {
    const res = await (await other).inject({ method: "GET", url: "/api/finder/offers", query });
    return (res.json() as FinderResults).items.map((i) => i.id);
  };

  it("finds a new offer, a changed name and a retired organisation's offers at once", async () => {
    expect(await onOther({ q: "Zahnersatzwerkstatt" })).toEqual([]);
    const org = await buildOrganisation(t.db, { name: "Werkstatt Ost" });
    const id = await offer(org.id, { name: "Zahnersatzwerkstatt Einstieg" });
    expect(await onOther({ q: "Zahnersatzwerkstatt" })).toEqual([id]);
    await t.db
      .update(offers)
      .set({ translations: { uk: { name: "Зуботехнічна майстерня" } } })
      .where(eq(offers.id, id));
    expect(await onOther({ q: "зуботехнічна", lang: "uk" })).toEqual([id]);
    await t.db.update(organisations).set({ status: "inactive" }).where(eq(organisations.id, org.id));
    expect(await onOther({ q: "Zahnersatzwerkstatt" })).toEqual([]);
  });

  it("builds anew after a change too large to note offer by offer", async () => {
    const org = await buildOrganisation(t.db, { name: "Werkstatt West" });
    await onOther({ q: "Glasbläserei" });
    const id = await offer(org.id, { name: "Glasbläserei Praxis" });
    await t.db.insert(finderChanges).values({ offerId: null });
    expect(await onOther({ q: "Glasbläserei" })).toEqual([id]);
  });

  it("prunes old notes, and an instance that looked before they were pruned builds anew", async () => {
    const org = await buildOrganisation(t.db, { name: "Werkstatt Nord" });
    await onOther({ q: "Orgelbauwerkstatt" });
    const id = await offer(org.id, { name: "Orgelbauwerkstatt Einstieg" });
    await t.db.execute(sql`update finder_changes set changed_at = now() - interval '2 days'`);
    expect(await pruneFinderChanges(t.db)).toBeGreaterThan(0);
    expect(await t.db.select().from(finderChanges)).toEqual([]);
    expect(await onOther({ q: "Orgelbauwerkstatt" })).toEqual([id]);
  });
});
