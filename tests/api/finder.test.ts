import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/server/db/client.ts";
import { locations, offerLocations, offers } from "../../src/server/db/schema.ts";
import type { FinderOffer, FinderResults } from "../../src/shared/contracts/finder.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildOrganisation } from "../helpers/factories.ts";

// Stand-ins for the two built apps: the staff app and the public finder.
const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), "lotse-client-"));
fs.writeFileSync(path.join(clientDir, "index.html"), "<!doctype html><title>staff</title>");
fs.writeFileSync(
  path.join(clientDir, "finder.html"),
  '<!doctype html><title>finder</title><div id="finder"></div>',
);
afterAll(() => fs.rmSync(clientDir, { recursive: true, force: true }));

const t = await createTestApp({ clientDir });

/** A word no other test uses, so that a search finds only this test's offers. */
const token = () => `Zq${[...randomBytes(10)].map((b) => String.fromCharCode(97 + (b % 26))).join("")}`;

async function buildOffer(db: Db, overrides: Partial<typeof offers.$inferInsert> = {}) {
  const organisationId = overrides.organisationId ?? (await buildOrganisation(db)).id;
  const [offer] = await db
    .insert(offers)
    .values({
      name: `Angebot ${token()}`,
      organisationId,
      phases: [2],
      offerType: "anerkennungsberatung",
      districts: ["15003"],
      languages: ["de"],
      ...overrides,
    })
    .returning();
  if (!offer) throw new Error("no offer");
  return offer;
}

async function search(query: Record<string, string>): Promise<FinderResults> {
  const res = await t.app.inject({ method: "GET", url: "/api/finder/offers", query });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const ids = (r: FinderResults) => r.items.map((i) => i.id);

describe("finder search", () => {
  it("answers without a login", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/finder/offers" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("finds an offer by another form of a German word (stemming)", async () => {
    const word = token();
    const offer = await buildOffer(t.db, { name: `Anerkennungsberatung ${word}` });
    const result = await search({ q: `Anerkennungsberatungen ${word}` });
    expect(result.match).toBe("exact");
    expect(ids(result)).toEqual([offer.id]);
  });

  it("finds words in the description too, ranking a match in the name first", async () => {
    const word = token();
    const inDescription = await buildOffer(t.db, {
      name: `Beratung ${token()}`,
      description: `Hilfe ${word}`,
    });
    const inName = await buildOffer(t.db, { name: `Kurs ${word}` });
    expect(ids(await search({ q: word }))).toEqual([inName.id, inDescription.id]);
  });

  it("tolerates a typo by falling back to similar names", async () => {
    const word = token();
    const offer = await buildOffer(t.db, { name: `Anerkennungsberatung Magdeburg ${word}` });
    const result = await search({ q: "Anerkenungsberatung" });
    expect(result.match).toBe("similar");
    expect(ids(result)).toContain(offer.id);
  });

  it("says when nothing matches", async () => {
    const result = await search({ q: "xqzwvkjh" });
    expect(result).toMatchObject({ total: 0, items: [], match: "similar" });
  });

  it("filters by phase, type, district, language, target group and cost", async () => {
    const word = token();
    const base = {
      name: `Kurs ${word}`,
      phases: [3],
      offerType: "berufssprachkurs" as const,
      districts: ["15002"],
      languages: ["de", "ar"],
      targetGroups: ["refugees"],
      freeOfCharge: true,
    };
    const match = await buildOffer(t.db, base);
    const others = await Promise.all([
      buildOffer(t.db, { ...base, phases: [4] }),
      buildOffer(t.db, { ...base, offerType: "nachqualifizierung" }),
      buildOffer(t.db, { ...base, districts: ["15003"] }),
      buildOffer(t.db, { ...base, languages: ["de"] }),
      buildOffer(t.db, { ...base, targetGroups: ["women"] }),
      buildOffer(t.db, { ...base, freeOfCharge: false }),
    ]);
    const all = { q: word, phase: "3", type: "berufssprachkurs", district: "15002", language: "ar" };
    const result = await search({ ...all, targetGroup: "refugees", free: "true" });
    expect(ids(result)).toEqual([match.id]);
    expect(result.total).toBe(1);
    // Each filter alone lets the offer through that differs only in another field.
    expect(ids(await search({ q: word, phase: "4" }))).toEqual([others[0]?.id]);
    expect(ids(await search({ q: word, free: "false" }))).toEqual([others[5]?.id]);
    expect((await search({ q: word })).total).toBe(7);
  });

  it("shows only active offers of active organisations", async () => {
    const word = token();
    const active = await buildOffer(t.db, { name: `Angebot ${word}` });
    await buildOffer(t.db, { name: `Angebot ${word}`, status: "inactive" });
    await buildOffer(t.db, { name: `Angebot ${word}`, status: "temporarily closed" });
    const closedOrg = await buildOrganisation(t.db, { status: "inactive" });
    const ofClosedOrg = await buildOffer(t.db, { name: `Angebot ${word}`, organisationId: closedOrg.id });
    expect(ids(await search({ q: word }))).toEqual([active.id]);
    const res = await t.app.inject({ method: "GET", url: `/api/finder/offers/${ofClosedOrg.id}` });
    expect(res.statusCode).toBe(404);
  });

  it("counts matches per district for the map, ignoring the district filter", async () => {
    const word = token();
    await buildOffer(t.db, { name: `Angebot ${word}`, districts: ["15003", "15083"] });
    await buildOffer(t.db, { name: `Angebot ${word}`, districts: ["15003"] });
    await buildOffer(t.db, { name: `Angebot ${word}`, districts: ["15090"] });
    const result = await search({ q: word, district: "15090" });
    expect(result.total).toBe(1);
    expect(result.districtCounts).toHaveLength(14);
    const count = (ags: string) => result.districtCounts.find((c) => c.ags === ags)?.count;
    expect([count("15003"), count("15083"), count("15090"), count("15001")]).toEqual([2, 1, 1, 0]);
  });

  it("pages through the results twenty at a time", async () => {
    const word = token();
    for (let i = 0; i < 23; i++)
      await buildOffer(t.db, { name: `Angebot ${word} ${String(i).padStart(2, "0")}` });
    const first = await search({ q: word });
    const second = await search({ q: word, page: "2" });
    expect([first.total, first.items.length, second.items.length]).toEqual([23, 20, 3]);
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(23);
  });

  it("answers in the requested language where a translation exists, labels always translated", async () => {
    const word = token();
    const translated = await buildOffer(t.db, {
      name: `Anerkennungsberatung ${word}`,
      description: "Beratung zur Anerkennung",
      languages: ["ar", "de"],
      targetGroups: ["refugees"],
      translations: { ar: { name: `استشارة الاعتراف ${word}`, description: "استشارة حول الاعتراف" } },
    });
    const german = await buildOffer(t.db, { name: `Kurs ${word}` });
    const result = await search({ q: word, lang: "ar" });
    const item = result.items.find((i) => i.id === translated.id);
    expect(item).toMatchObject({
      name: `استشارة الاعتراف ${word}`,
      nameLang: "ar",
      summaryLang: "ar",
      type: { code: "anerkennungsberatung", label: "استشارة الاعتراف بالمؤهلات" },
      phases: [{ code: "2", label: "التوجيه المهني والتخطيط" }],
      districts: [{ code: "15003", label: "Magdeburg" }],
      targetGroups: [{ code: "refugees", label: "اللاجئون" }],
    });
    expect(item?.languages.map((l) => l.label)).toEqual(["العربية", "الألمانية"]);
    expect(result.items.find((i) => i.id === german.id)).toMatchObject({
      name: `Kurs ${word}`,
      nameLang: "de",
    });
  });

  it("finds an offer by its translated name in the visitor's language", async () => {
    const word = token();
    const offer = await buildOffer(t.db, {
      name: `Anerkennungsberatung ${word}`,
      translations: { ar: { name: `استشارة الاعتراف ${word}` } },
    });
    const result = await search({ q: `استشارة الاعتراف ${word}`, lang: "ar" });
    expect(ids(result)).toEqual([offer.id]);
  });

  it("rejects an unknown filter value with the field named", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/finder/offers?phase=9&lang=xx" });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(["query.lang", "query.phase"]);
  });
});

describe("finder offer page", () => {
  it("shows contact, opening hours, places with address and accessibility, and languages", async () => {
    const org = await buildOrganisation(t.db, { email: "info@iq.example", website: "https://iq.example" });
    const offer = await buildOffer(t.db, {
      organisationId: org.id,
      name: "Anerkennungsberatung",
      description: "Wir beraten zur Anerkennung ausländischer Abschlüsse.",
      languages: ["de", "ar", "uk"],
      freeOfCharge: true,
      minGermanLevel: "A2",
      hsds: {
        email: "anerkennung@iq.example",
        url: "https://iq.example/anerkennung",
        phones: [{ number: "0391 123456", type: "voice" }],
        contacts: [{ name: "Frau Schulz" }],
        schedules: [
          { freq: "WEEKLY", byday: "MO,WE", opens_at: "09:00:00", closes_at: "12:00:00" },
          {
            freq: "WEEKLY",
            byday: "TH",
            opens_at: "13:00:00",
            closes_at: "17:30:00",
            description: "nur mit Termin",
          },
        ],
      },
      translations: { en: { name: "Recognition counselling" } },
    });
    const [place] = await t.db
      .insert(locations)
      .values({
        organisationId: org.id,
        name: "Beratungsbüro Hasselbachplatz",
        street: "Hasselbachplatz 1",
        postcode: "39104",
        city: "Magdeburg",
        districtAgs: "15003",
        hsds: { accessibility: [{ description: "Stufenloser Zugang, Aufzug" }] },
      })
      .returning();
    if (!place) throw new Error("no location");
    await t.db.insert(offerLocations).values({ offerId: offer.id, locationId: place.id });

    const res = await t.app.inject({ method: "GET", url: `/api/finder/offers/${offer.id}?lang=en` });
    expect(res.statusCode).toBe(200);
    const body: FinderOffer = res.json();
    expect(body).toMatchObject({
      name: "Recognition counselling",
      nameLang: "en",
      description: "Wir beraten zur Anerkennung ausländischer Abschlüsse.",
      descriptionLang: "de",
      freeOfCharge: true,
      minGermanLevel: "A2",
      city: "Magdeburg",
      type: { label: "Recognition counselling" },
      contact: {
        email: "anerkennung@iq.example",
        website: "https://iq.example/anerkennung",
        phones: [{ number: "0391 123456" }],
        persons: [{ name: "Frau Schulz" }],
      },
      organisationContact: { email: "info@iq.example", website: "https://iq.example" },
      schedules: [
        { days: ["MO", "WE"], opensAt: "09:00", closesAt: "12:00", description: null },
        { days: ["TH"], opensAt: "13:00", closesAt: "17:30", description: "nur mit Termin" },
      ],
      locations: [
        {
          name: "Beratungsbüro Hasselbachplatz",
          street: "Hasselbachplatz 1",
          postcode: "39104",
          district: { code: "15003", label: "Magdeburg" },
          accessibility: [{ description: "Stufenloser Zugang, Aufzug" }],
        },
      ],
    });
    expect(body.languages.map((l) => l.label)).toEqual(["German", "Arabic", "Ukrainian"]);
  });

  it("does not find an inactive offer or an unknown id", async () => {
    const inactive = await buildOffer(t.db, { status: "inactive" });
    for (const id of [inactive.id, "00000000-0000-4000-8000-000000000000"]) {
      const res = await t.app.inject({ method: "GET", url: `/api/finder/offers/${id}` });
      expect(res.statusCode).toBe(404);
    }
  });
});

describe("finder map", () => {
  it("serves the 14 districts as SVG paths with the BKG source note", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/finder/districts" });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.districts).toHaveLength(14);
    expect(body.districts.find((d: { ags: string }) => d.ags === "15003")).toMatchObject({
      name: "Magdeburg",
    });
    for (const d of body.districts) expect(d.path).toMatch(/^M[\d. L]+Z/);
    expect(body.attribution).toBe("© GeoBasis-DE / BKG 2021 (Daten verändert)");
    expect(res.body.length).toBeLessThan(40_000);
  });
});

describe("finder pages", () => {
  it("serves the finder app at /finder and below, the staff app elsewhere", async () => {
    const page = async (url: string) => (await t.app.inject({ method: "GET", url })).body;
    expect(await page("/finder")).toContain("finder");
    expect(await page("/finder?q=Sprachkurs&lang=ar")).toContain("finder");
    expect(await page("/finder/offers/00000000-0000-4000-8000-000000000000")).toContain("finder");
    expect(await page("/finderlich")).toContain("staff");
    expect(await page("/organisations")).toContain("staff");
  });
});
