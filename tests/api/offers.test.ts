import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, directoryChanges, offers } from "../../src/server/db/schema.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildCoordinator, buildOrganisationWithAdmin, buildUser } from "../helpers/factories.ts";

const t = await createTestApp();

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

/** An offer body with every Lotse attribute set, as an admin's form sends it. */
const fullOffer = (overrides: Record<string, unknown> = {}) => ({
  name: "Anerkennungsberatung für Gesundheitsberufe",
  description: "Wir beraten zur Anerkennung ausländischer Abschlüsse in der Pflege.",
  phases: [2, 1],
  offerType: "anerkennungsberatung",
  targetGroups: ["migrants_with_foreign_qualification", "health_professions"],
  languages: ["de", "ar", "uk"],
  minGermanLevel: "A2",
  fundingRoute: "iq_programme",
  districts: ["15003", "15083"],
  freeOfCharge: true,
  website: "https://beratung.example/anerkennung",
  translations: {
    en: { name: "Recognition counselling for health professions", description: "We advise on recognition." },
  },
  schedules: [
    { weekdays: ["MO", "TU"], opensAt: "09:00", closesAt: "12:00", description: "offene Sprechstunde" },
    { weekdays: ["TH"], opensAt: "13:00", closesAt: "17:30" },
  ],
  contact: { person: "Frau Schulz", phone: "+49 391 1234567", email: "anerkennung@beratung.example" },
  ...overrides,
});

async function adminWithOffer(overrides: Record<string, unknown> = {}) {
  const { org, admin } = await buildOrganisationWithAdmin(t.db);
  const agent = await t.loginAs(admin.email);
  const res = await agent.request("POST", `/api/organisations/${org.id}/offers`, {
    body: fullOffer(overrides),
  });
  expect(res.statusCode).toBe(201);
  return { org, admin, agent, offer: res.json() };
}

describe("creating an offer", () => {
  it("stores every Lotse attribute and answers with the offer and its abilities", async () => {
    const { org, offer } = await adminWithOffer();
    expect(offer).toMatchObject({
      organisationId: org.id,
      organisationName: org.name,
      status: "active",
      phases: [1, 2],
      offerType: "anerkennungsberatung",
      languages: ["de", "ar", "uk"],
      minGermanLevel: "A2",
      fundingRoute: "iq_programme",
      districts: ["15003", "15083"],
      freeOfCharge: true,
      website: "https://beratung.example/anerkennung",
      translations: { en: { name: "Recognition counselling for health professions" } },
      contact: { person: "Frau Schulz", phone: "+49 391 1234567", email: "anerkennung@beratung.example" },
      abilities: { update: true, delete: false, history: true },
    });
    expect(offer.schedules).toEqual([
      { weekdays: ["MO", "TU"], opensAt: "09:00", closesAt: "12:00", description: "offene Sprechstunde" },
      { weekdays: ["TH"], opensAt: "13:00", closesAt: "17:30", description: null },
    ]);
  });

  it("keeps opening hours and contact in the HSDS shape for the exchange", async () => {
    const { offer } = await adminWithOffer();
    const [row] = await t.db.select().from(offers).where(eq(offers.id, offer.id));
    const hsds = row?.hsds as Record<string, unknown>;
    expect(hsds.schedules).toEqual([
      expect.objectContaining({
        service_id: offer.id,
        freq: "WEEKLY",
        byday: "MO,TU",
        opens_at: "09:00:00",
        closes_at: "12:00:00",
        description: "offene Sprechstunde",
      }),
      expect.objectContaining({ freq: "WEEKLY", byday: "TH", opens_at: "13:00:00", closes_at: "17:30:00" }),
    ]);
    expect(hsds.phones).toEqual([expect.objectContaining({ number: "+49 391 1234567", type: "voice" })]);
    expect(hsds.contacts).toEqual([expect.objectContaining({ name: "Frau Schulz" })]);
    expect(hsds.email).toBe("anerkennung@beratung.example");
    expect(hsds.url).toBe("https://beratung.example/anerkennung");
  });

  it("writes an audit entry with field names only and a history row per field", async () => {
    const { admin, offer } = await adminWithOffer();
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "offer.create"), eq(auditLog.entityId, offer.id)));
    const fields = ((entry?.details ?? {}) as { fields: string[] }).fields;
    expect(fields).toEqual(expect.arrayContaining(["name", "phases", "languages", "translations.en.name"]));
    expect(JSON.stringify(entry?.details)).not.toContain("Frau Schulz");
    const rows = await t.db.select().from(directoryChanges).where(eq(directoryChanges.resourceId, offer.id));
    expect(rows.every((r) => r.updatedBy === admin.id && r.actionType === "create")).toBe(true);
    expect(rows.find((r) => r.fieldName === "phases")).toMatchObject({
      previousValue: "",
      replacementValue: "1, 2",
    });
    expect(rows.map((r) => r.fieldName).sort()).toEqual([...fields].sort());
  });

  it("fills defaults for what the form leaves out", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const agent = await t.loginAs(admin.email);
    const res = await agent.request("POST", `/api/organisations/${org.id}/offers`, {
      body: { name: "Berufssprachkurs B2", phases: [3], offerType: "berufssprachkurs" },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: "active",
      languages: ["de"],
      districts: [],
      minGermanLevel: null,
      freeOfCharge: null,
      translations: {},
      schedules: [],
      contact: { person: null, phone: null, email: null },
      locations: [],
    });
  });

  it.each([
    [{ languages: ["de", "xx"] }, "body.languages.1"],
    [{ languages: ["deu"] }, "body.languages.0"],
    [{ languages: ["de", "de"] }, "body.languages"],
    [{ districts: ["16000"] }, "body.districts.0"],
    [{ phases: [6] }, "body.phases.0"],
    [{ phases: [] }, "body.phases"],
    [{ offerType: "yoga" }, "body.offerType"],
    [{ minGermanLevel: "B3" }, "body.minGermanLevel"],
    [{ status: "closed" }, "body.status"],
    [{ schedules: [{ weekdays: ["MO"], opensAt: "14:00", closesAt: "09:00" }] }, "body.schedules.0.closesAt"],
    [{ schedules: [{ weekdays: [], opensAt: "09:00", closesAt: "12:00" }] }, "body.schedules.0.weekdays"],
    [{ schedules: [{ weekdays: ["MO"], opensAt: "9 Uhr", closesAt: "12:00" }] }, "body.schedules.0.opensAt"],
    [{ translations: { en: { name: "" } } }, "body.translations.en.name"],
    [{ contact: { email: "nicht-mail" } }, "body.contact.email"],
  ])("rejects %j naming the field", async (overrides, field) => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const agent = await t.loginAs(admin.email);
    const res = await agent.request("POST", `/api/organisations/${org.id}/offers`, {
      body: fullOffer(overrides),
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json())).toContain(field);
  });

  it("lets counsellors read their organisation's offers but not add one", async () => {
    const { org } = await adminWithOffer();
    const counsellor = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
    const agent = await t.loginAs(counsellor.email);
    const list = await agent.request("GET", `/api/organisations/${org.id}/offers`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items[0].abilities).toEqual({ update: false, delete: false, history: true });
    const res = await agent.request("POST", `/api/organisations/${org.id}/offers`, { body: fullOffer() });
    expect(res.statusCode).toBe(403);
  });
});

describe("the offer list", () => {
  it("filters by status, phase, type and district and counts the total", async () => {
    const { org, agent } = await adminWithOffer();
    const add = (body: Record<string, unknown>) =>
      agent.request("POST", `/api/organisations/${org.id}/offers`, { body: fullOffer(body) });
    await add({
      name: "Berufssprachkurs B1",
      phases: [3],
      offerType: "berufssprachkurs",
      districts: ["15002"],
    });
    await add({ name: "Jobvermittlung", phases: [4], offerType: "arbeitsvermittlung", status: "inactive" });
    const list = (query: Record<string, string>) =>
      agent.request("GET", `/api/organisations/${org.id}/offers`, { query }).then((r) => r.json());
    expect((await list({})).total).toBe(3);
    expect((await list({ phase: "3" })).items.map((o: { name: string }) => o.name)).toEqual([
      "Berufssprachkurs B1",
    ]);
    expect((await list({ status: "inactive" })).items.map((o: { name: string }) => o.name)).toEqual([
      "Jobvermittlung",
    ]);
    expect((await list({ districtAgs: "15002" })).total).toBe(1);
    expect((await list({ offerType: "anerkennungsberatung" })).total).toBe(1);
    expect((await list({ q: "sprach" })).total).toBe(1);
    const firstPage = await list({ limit: "2" });
    expect(firstPage.items).toHaveLength(2);
    expect(firstPage.total).toBe(3);
  });

  it("rejects a phase outside the process chain", async () => {
    const { org, agent } = await adminWithOffer();
    const res = await agent.request("GET", `/api/organisations/${org.id}/offers`, { query: { phase: "7" } });
    expect(res.statusCode).toBe(400);
  });
});

describe("editing an offer", () => {
  it("shows the history of a record changed by the demo, an import and a person alike", async () => {
    const { agent, offer } = await adminWithOffer();
    // Non-user authors: the demo seeder and the HSDS importer write their own names.
    await t.db.insert(directoryChanges).values(
      ["demo", "import:cli", "0123456789abcdef0123456789abcdef0123"].map((updatedBy, i) => ({
        resourceId: offer.id,
        resourceType: "service" as const,
        actionType: "update" as const,
        fieldName: `field${i}`,
        previousValue: "a",
        replacementValue: "b",
        updatedBy,
      })),
    );
    await agent.request("PATCH", `/api/offers/${offer.id}`, { body: { phases: [1] } });
    const history = await agent.request("GET", `/api/offers/${offer.id}/history`);
    expect(history.statusCode).toBe(200);
    const authors = history.json().items.map((c: { byName: string | null }) => c.byName);
    expect(authors).toContain(null);
    expect(authors.filter(Boolean).length).toBeGreaterThan(0);
  });

  it("records each changed field with its previous and new value, and nothing else", async () => {
    const { admin, agent, offer } = await adminWithOffer();
    const res = await agent.request("PATCH", `/api/offers/${offer.id}`, {
      body: {
        phases: [1, 2, 3],
        languages: ["de", "ar", "uk"],
        status: "temporarily closed",
        translations: { en: { name: "Recognition counselling", description: "We advise on recognition." } },
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ phases: [1, 2, 3], status: "temporarily closed" });
    const history = await agent.request("GET", `/api/offers/${offer.id}/history`);
    expect(history.statusCode).toBe(200);
    const updates = history.json().items.filter((c: { action: string }) => c.action === "update");
    expect(updates.map((c: { field: string }) => c.field).sort()).toEqual([
      "phases",
      "status",
      "translations.en.name",
    ]);
    expect(updates.find((c: { field: string }) => c.field === "phases")).toMatchObject({
      previous: "1, 2",
      replacement: "1, 2, 3",
      byUserId: admin.id,
      byName: admin.name,
    });
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "offer.update"), eq(auditLog.entityId, offer.id)));
    expect(((entry?.details ?? {}) as { fields: string[] }).fields.sort()).toEqual([
      "phases",
      "status",
      "translations.en.name",
    ]);
  });

  it("keeps HSDS fields an import brought when the form changes the contact and hours", async () => {
    const { agent, offer } = await adminWithOffer();
    const imported = {
      id: "x-1",
      freq: "MONTHLY",
      bymonthday: "1",
      opens_at: "10:00:00",
      closes_at: "11:00:00",
    };
    const [row] = await t.db.select().from(offers).where(eq(offers.id, offer.id));
    await t.db
      .update(offers)
      .set({
        hsds: {
          ...row?.hsds,
          fees_description: "kostenlos",
          schedules: [...((row?.hsds.schedules as unknown[]) ?? []), imported],
        },
      })
      .where(eq(offers.id, offer.id));
    const res = await agent.request("PATCH", `/api/offers/${offer.id}`, {
      body: {
        schedules: [{ weekdays: ["FR"], opensAt: "08:00", closesAt: "10:00" }],
        contact: { phone: "+49 391 7654321", email: null },
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().contact).toEqual({ person: "Frau Schulz", phone: "+49 391 7654321", email: null });
    const [after] = await t.db.select().from(offers).where(eq(offers.id, offer.id));
    expect(after?.hsds.fees_description).toBe("kostenlos");
    expect(after?.hsds.schedules).toEqual([
      imported,
      expect.objectContaining({ byday: "FR", opens_at: "08:00:00" }),
    ]);
    expect(after?.hsds.email).toBeUndefined();
  });

  it("removes a translation when the form sends it without a name field", async () => {
    const { agent, offer } = await adminWithOffer();
    const res = await agent.request("PATCH", `/api/offers/${offer.id}`, { body: { translations: {} } });
    expect(res.json().translations).toEqual({});
    const history = (await agent.request("GET", `/api/offers/${offer.id}/history`)).json();
    expect(history.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: "translations.en.name",
          previous: "Recognition counselling for health professions",
          replacement: "",
        }),
      ]),
    );
  });

  it("rejects an empty change", async () => {
    const { agent, offer } = await adminWithOffer();
    const res = await agent.request("PATCH", `/api/offers/${offer.id}`, { body: {} });
    expect(res.statusCode).toBe(400);
  });

  it("lets an admin retire an offer by its status but not delete it", async () => {
    const { agent, offer } = await adminWithOffer();
    const del = await agent.request("DELETE", `/api/offers/${offer.id}`);
    expect(del.statusCode).toBe(403);
    expect(del.json().code).toBe("offer.delete_coordination_only");
    const res = await agent.request("PATCH", `/api/offers/${offer.id}`, { body: { status: "defunct" } });
    expect(res.json().status).toBe("defunct");
  });
});

describe("the coordination", () => {
  it("edits and deletes any organisation's offer; the history keeps the deletion", async () => {
    const { offer } = await adminWithOffer();
    const { coordinator } = await buildCoordinator(t.db);
    const agent = await t.loginAs(coordinator.email);
    const got = await agent.request("GET", `/api/offers/${offer.id}`);
    expect(got.json().abilities).toEqual({ update: true, delete: true, history: true });
    const edit = await agent.request("PATCH", `/api/offers/${offer.id}`, { body: { districts: ["15001"] } });
    expect(edit.statusCode).toBe(200);
    expect((await agent.request("DELETE", `/api/offers/${offer.id}`)).statusCode).toBe(204);
    expect((await agent.request("GET", `/api/offers/${offer.id}`)).statusCode).toBe(404);
    const rows = await t.db.select().from(directoryChanges).where(eq(directoryChanges.resourceId, offer.id));
    expect(rows.filter((r) => r.actionType === "delete").map((r) => r.fieldName)).toContain("name");
    expect(rows.filter((r) => r.actionType === "update").map((r) => r.updatedBy)).toEqual([coordinator.id]);
  });
});

describe("offers of another organisation", () => {
  it("are not found for reading, editing, deleting or their history", async () => {
    const { org: otherOrg, offer } = await adminWithOffer();
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const agent = await t.loginAs(admin.email);
    for (const [method, url] of [
      ["GET", `/api/offers/${offer.id}`],
      ["GET", `/api/offers/${offer.id}/history`],
      ["DELETE", `/api/offers/${offer.id}`],
      ["GET", `/api/organisations/${otherOrg.id}/offers`],
    ] as const) {
      const res = await agent.request(method, url);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.body).not.toContain(offer.name);
    }
    const patch = await agent.request("PATCH", `/api/offers/${offer.id}`, { body: { name: "Übernommen" } });
    expect(patch.statusCode).toBe(404);
    const post = await agent.request("POST", `/api/organisations/${otherOrg.id}/offers`, {
      body: fullOffer(),
    });
    expect(post.statusCode).toBe(404);
    const [row] = await t.db.select().from(offers).where(eq(offers.id, offer.id));
    expect(row?.name).toBe(offer.name);
    expect((await agent.request("GET", `/api/organisations/${org.id}/offers`)).json().total).toBe(0);
  });

  it("cannot be linked to a location of another organisation", async () => {
    const { org: otherOrg, agent: otherAgent } = await adminWithOffer();
    const foreign = await otherAgent.request("POST", `/api/organisations/${otherOrg.id}/locations`, {
      body: { name: "Fremder Standort", city: "Halle (Saale)" },
    });
    const { org, agent } = await adminWithOffer();
    const res = await agent.request("POST", `/api/organisations/${org.id}/offers`, {
      body: fullOffer({ locationIds: [foreign.json().id] }),
    });
    expect(res.statusCode).toBe(422);
    expect(fieldsOf(res.json())).toEqual(["body.locationIds"]);
  });
});

describe("locations", () => {
  const place = {
    name: "Beratungsbüro Hasselbachplatz",
    street: "Hasselbachplatz 3",
    postcode: "39104",
    city: "Magdeburg",
    districtAgs: "15003",
    latitude: 52.1243,
    longitude: 11.6316,
  };

  it("are created, linked to offers, counted, edited with history and deleted", async () => {
    const { org, agent, offer } = await adminWithOffer();
    const created = await agent.request("POST", `/api/organisations/${org.id}/locations`, { body: place });
    expect(created.statusCode).toBe(201);
    const location = created.json();
    expect(location).toMatchObject({ ...place, locationType: "physical", offerCount: 0 });
    const linked = await agent.request("PATCH", `/api/offers/${offer.id}`, {
      body: { locationIds: [location.id] },
    });
    expect(linked.json().locations).toEqual([
      { id: location.id, name: place.name, city: "Magdeburg", districtAgs: "15003" },
    ]);
    const list = await agent.request("GET", `/api/organisations/${org.id}/locations`);
    expect(list.json().items).toEqual([expect.objectContaining({ id: location.id, offerCount: 1 })]);

    const edited = await agent.request("PATCH", `/api/locations/${location.id}`, {
      body: { street: "Hasselbachplatz 5" },
    });
    expect(edited.json().street).toBe("Hasselbachplatz 5");
    const history = (await agent.request("GET", `/api/locations/${location.id}/history`)).json();
    expect(history.items[0]).toMatchObject({
      action: "update",
      field: "street",
      previous: "Hasselbachplatz 3",
      replacement: "Hasselbachplatz 5",
    });

    expect((await agent.request("DELETE", `/api/locations/${location.id}`)).statusCode).toBe(204);
    expect((await agent.request("GET", `/api/locations/${location.id}`)).statusCode).toBe(404);
    const after = (await agent.request("GET", `/api/offers/${offer.id}`)).json();
    expect(after.locations).toEqual([]);
    const offerHistory = (await agent.request("GET", `/api/offers/${offer.id}/history`)).json();
    expect(offerHistory.items[0]).toMatchObject({
      field: "locations",
      previous: location.id,
      replacement: "",
    });
  });

  it("keep an online address for a virtual location", async () => {
    const { org, agent } = await adminWithOffer();
    const res = await agent.request("POST", `/api/organisations/${org.id}/locations`, {
      body: { locationType: "virtual", name: "Online-Sprechstunde", url: "https://meet.example/beratung" },
    });
    expect(res.json()).toMatchObject({ locationType: "virtual", url: "https://meet.example/beratung" });
  });

  it("reject coordinates and postcodes that are not valid", async () => {
    const { org, agent } = await adminWithOffer();
    const res = await agent.request("POST", `/api/organisations/${org.id}/locations`, {
      body: { ...place, latitude: 123, postcode: "391" },
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json()).sort()).toEqual(["body.latitude", "body.postcode"]);
  });

  it("of another organisation are not found", async () => {
    const { org: otherOrg, agent: otherAgent } = await adminWithOffer();
    const foreign = (
      await otherAgent.request("POST", `/api/organisations/${otherOrg.id}/locations`, { body: place })
    ).json();
    const { agent } = await adminWithOffer();
    for (const [method, url] of [
      ["GET", `/api/locations/${foreign.id}`],
      ["GET", `/api/locations/${foreign.id}/history`],
      ["DELETE", `/api/locations/${foreign.id}`],
      ["GET", `/api/organisations/${otherOrg.id}/locations`],
    ] as const) {
      expect((await agent.request(method, url)).statusCode, `${method} ${url}`).toBe(404);
    }
    const patch = await agent.request("PATCH", `/api/locations/${foreign.id}`, { body: { name: "X" } });
    expect(patch.statusCode).toBe(404);
  });

  it("are read-only for counsellors", async () => {
    const { org } = await adminWithOffer();
    const counsellor = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
    const agent = await t.loginAs(counsellor.email);
    expect((await agent.request("GET", `/api/organisations/${org.id}/locations`)).statusCode).toBe(200);
    const res = await agent.request("POST", `/api/organisations/${org.id}/locations`, { body: place });
    expect(res.statusCode).toBe(403);
  });
});

describe("an offer's texts in the finder's languages", () => {
  const everyLanguage = {
    en: { name: "Recognition counselling", description: "We advise on recognition." },
    ar: { name: "استشارة الاعتراف بالمؤهلات (Anerkennungsberatung)", description: "نرافقك حتى صدور القرار." },
    uk: { name: "Консультація з визнання кваліфікацій", description: "Супроводжуємо до рішення." },
    ru: { name: "Консультация по признанию квалификаций", description: null },
    fa: { name: "مشاوره ارزشیابی مدارک", description: "تا صدور حکم همراه شما هستیم." },
    tr: { name: "Denklik danışmanlığı", description: "Karar çıkana kadar size eşlik ediyoruz." },
  };

  it("stores name and description in every language, records each in the history and shows them in the finder", async () => {
    const { agent, offer } = await adminWithOffer();
    const res = await agent.request("PATCH", `/api/offers/${offer.id}`, {
      body: { translations: everyLanguage },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().translations).toEqual({ ...everyLanguage, ru: { name: everyLanguage.ru.name } });
    const history = (await agent.request("GET", `/api/offers/${offer.id}/history`)).json();
    const fields = history.items.map((c: { field: string }) => c.field);
    for (const locale of ["ar", "uk", "ru", "fa", "tr"])
      expect(fields).toContain(`translations.${locale}.name`);
    expect(fields).not.toContain("translations.ru.description");

    const uk = await t.app.inject({ method: "GET", url: `/api/finder/offers/${offer.id}?lang=uk` });
    expect(uk.json()).toMatchObject({
      name: everyLanguage.uk.name,
      nameLang: "uk",
      description: everyLanguage.uk.description,
      descriptionLang: "uk",
    });
    // Russian has a name but no description: the German description stands in, marked as German.
    const ru = await t.app.inject({ method: "GET", url: `/api/finder/offers/${offer.id}?lang=ru` });
    expect(ru.json()).toMatchObject({
      nameLang: "ru",
      description: offer.description,
      descriptionLang: "de",
    });
  });

  it("refuses HTML in any language with a message in the caller's language, and changes nothing", async () => {
    const { agent, offer } = await adminWithOffer();
    const res = await agent.request("PATCH", `/api/offers/${offer.id}`, {
      headers: { "accept-language": "ar" },
      body: {
        description: "Beratung <b>kostenlos</b>",
        translations: {
          ...everyLanguage,
          uk: { name: "Консультація <script>x</script>", description: "&lt;i&gt;" },
        },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual(
      expect.arrayContaining([
        {
          field: "body.description",
          code: "no_html",
          message: "يرجى إدخال نص عادي فقط دون رموز HTML (مثل <b> أو &amp;).",
        },
        expect.objectContaining({ field: "body.translations.uk.name", code: "no_html" }),
        expect.objectContaining({ field: "body.translations.uk.description", code: "no_html" }),
      ]),
    );
    const after = (await agent.request("GET", `/api/offers/${offer.id}`)).json();
    expect(after.description).toBe(offer.description);
    expect(after.translations).toEqual(offer.translations);
  });

  it("accepts comparisons and ampersands that are not markup", async () => {
    const { agent, offer } = await adminWithOffer();
    const res = await agent.request("PATCH", `/api/offers/${offer.id}`, {
      body: {
        translations: {
          en: { name: "Courses & counselling", description: "For groups of < 12 people, age > 18." },
        },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it("names the field of a translation that is too long or has a description but no name", async () => {
    const { agent, offer } = await adminWithOffer();
    const res = await agent.request("PATCH", `/api/offers/${offer.id}`, {
      body: { translations: { tr: { name: "x".repeat(201) }, fa: { description: "فقط توضیح" } } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual(
      expect.arrayContaining([
        { field: "body.translations.tr.name", code: "too_big_string", message: "Höchstens 200 Zeichen." },
        { field: "body.translations.fa.name", code: "required", message: "Pflichtfeld." },
      ]),
    );
  });
});
