import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, interfaces } from "../../src/server/db/schema.ts";
import { seedDemoInterfaces } from "../../src/server/demo/interfaces.ts";
import { DEMO_ORGANISATIONS } from "../../src/server/demo/organisations.ts";
import { loadReferralSettings, resolveInterface } from "../../src/server/modules/interfaces/settings.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildCoordinator, buildOrganisation, buildUser } from "../helpers/factories.ts";

const t = await createTestApp();

const fieldsOf = (body: { errors?: { field: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);

const agreement = (from: string, to: string, overrides: Record<string, unknown> = {}) => ({
  fromOrganisationId: from,
  toOrganisationId: to,
  scope: from === to ? "institution" : "external",
  agreementWhat: "Personen mit ausländischem Berufsabschluss zur Anerkennungsberatung",
  agreementHow: "Verweis in Lotse mit Einwilligung; Kopie der Zeugnisse",
  channel: "lotse",
  fromContact: "Frau Krüger",
  toContact: "Herr Petrenko",
  answerWithinDays: 3,
  completeWithinDays: 20,
  ...overrides,
});

async function orgWith(role: "org_admin" | "counsellor") {
  const org = await buildOrganisation(t.db);
  const user = await buildUser(t.db, { organisationId: org.id, role });
  return { org, user, agent: await t.loginAs(user.email) };
}

async function coordinator() {
  const { coordinator: user } = await buildCoordinator(t.db);
  return t.loginAs(user.email);
}

describe("the interface register", () => {
  it("lets the coordination register an interface between any two organisations", async () => {
    const agent = await coordinator();
    const a = await buildOrganisation(t.db, { name: "Jobcenter Testhausen" });
    const b = await buildOrganisation(t.db, { name: "IQ Beratung Testhausen" });
    const res = await agent.request("POST", "/api/interfaces", { body: agreement(a.id, b.id) });
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({
      from: { id: a.id, name: "Jobcenter Testhausen" },
      to: { id: b.id, name: "IQ Beratung Testhausen" },
      fromUnit: "",
      toUnit: "",
      scope: "external",
      channel: "lotse",
      fromContact: "Frau Krüger",
      answerWithinDays: 3,
      completeWithinDays: 20,
      status: "active",
      version: 1,
      abilities: { update: true },
    });
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "interface.create"), eq(auditLog.entityId, res.json().id)));
    expect(entry?.organisationId).toBe(a.id);
    // Field names only: the contact persons' names never reach the log.
    expect(JSON.stringify(entry?.details)).not.toContain("Krüger");
    expect(entry?.details).toMatchObject({ fields: expect.arrayContaining(["fromContact"]) });
  });

  it("lets an admin register interfaces of their own organisation only", async () => {
    const { org, agent } = await orgWith("org_admin");
    const other = await buildOrganisation(t.db);
    const third = await buildOrganisation(t.db);
    const own = await agent.request("POST", "/api/interfaces", { body: agreement(other.id, org.id) });
    expect(own.statusCode).toBe(201);
    expect(own.json().abilities).toEqual({ update: true });
    const foreign = await agent.request("POST", "/api/interfaces", { body: agreement(other.id, third.id) });
    expect(foreign.statusCode).toBe(422);
    expect(fieldsOf(foreign.json())).toEqual(["body.fromOrganisationId:interface.not_own_side"]);
  });

  it("lets a counsellor read the register but not change it", async () => {
    const { org, agent } = await orgWith("counsellor");
    const other = await buildOrganisation(t.db);
    const created = await (await coordinator()).request("POST", "/api/interfaces", {
      body: agreement(org.id, other.id),
    });
    const id = created.json().id;
    const read = await agent.request("GET", `/api/interfaces/${id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities).toEqual({ update: false });
    expect(read.headers.etag).toBe('"1"');
    const post = await agent.request("POST", "/api/interfaces", { body: agreement(org.id, other.id) });
    expect(post.statusCode).toBe(403);
    const patch = await agent.request("PATCH", `/api/interfaces/${id}`, {
      body: { answerWithinDays: 1 },
      headers: { "if-match": '"1"' },
    });
    expect(patch.statusCode).toBe(403);
  });

  it("answers 404 to an admin changing an interface of two other organisations", async () => {
    const { agent } = await orgWith("org_admin");
    const [a, b] = [await buildOrganisation(t.db), await buildOrganisation(t.db)];
    const created = await (await coordinator()).request("POST", "/api/interfaces", {
      body: agreement(a.id, b.id),
    });
    const id = created.json().id;
    const read = await agent.request("GET", `/api/interfaces/${id}`);
    expect(read.json().abilities).toEqual({ update: false });
    const patch = await agent.request("PATCH", `/api/interfaces/${id}`, {
      body: { answerWithinDays: 1 },
      headers: { "if-match": '"1"' },
    });
    expect(patch.statusCode).toBe(404);
    const [row] = await t.db.select().from(interfaces).where(eq(interfaces.id, id));
    expect(row?.answerWithinDays).toBe(3);
  });

  it("changes an interface on the version it was read with, and names the changed fields", async () => {
    const { org, agent } = await orgWith("org_admin");
    const other = await buildOrganisation(t.db);
    const id = (await agent.request("POST", "/api/interfaces", { body: agreement(org.id, other.id) })).json()
      .id;
    const missing = await agent.request("PATCH", `/api/interfaces/${id}`, { body: { answerWithinDays: 5 } });
    expect(missing.statusCode).toBe(428);
    const ok = await agent.request("PATCH", `/api/interfaces/${id}`, {
      body: { answerWithinDays: 5, completeWithinDays: 30, toContact: "Frau Nowak" },
      headers: { "if-match": '"1"' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json()).toMatchObject({ answerWithinDays: 5, completeWithinDays: 30, toContact: "Frau Nowak" });
    const stale = await agent.request("PATCH", `/api/interfaces/${id}`, {
      body: { status: "inactive" },
      headers: { "if-match": '"1"' },
    });
    expect(stale.statusCode).toBe(412);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "interface.update"), eq(auditLog.entityId, id)));
    expect(entry?.details).toMatchObject({
      fields: ["toContact", "answerWithinDays", "completeWithinDays"],
    });
    expect(JSON.stringify(entry?.details)).not.toContain("Nowak");
  });
});

describe("validating an interface", () => {
  it("keeps the scope external exactly between two organisations", async () => {
    const agent = await coordinator();
    const [a, b] = [await buildOrganisation(t.db), await buildOrganisation(t.db)];
    const between = await agent.request("POST", "/api/interfaces", {
      body: agreement(a.id, b.id, { scope: "institution" }),
    });
    expect(between.statusCode).toBe(422);
    expect(fieldsOf(between.json())).toEqual(["body.scope:interface.scope_mismatch"]);
    const inside = await agent.request("POST", "/api/interfaces", {
      body: agreement(a.id, a.id, {
        scope: "external",
        fromUnit: "Eingangszone",
        toUnit: "Arbeitsvermittlung",
      }),
    });
    expect(fieldsOf(inside.json())).toEqual(["body.scope:interface.scope_mismatch"]);
  });

  it("needs two different departments inside one organisation", async () => {
    const agent = await coordinator();
    const a = await buildOrganisation(t.db);
    const same = await agent.request("POST", "/api/interfaces", {
      body: agreement(a.id, a.id, { fromUnit: "Leistung", toUnit: "Leistung" }),
    });
    expect(same.statusCode).toBe(422);
    expect(fieldsOf(same.json())).toEqual(["body.toUnit:interface.same_unit"]);
    const ok = await agent.request("POST", "/api/interfaces", {
      body: agreement(a.id, a.id, { fromUnit: "Eingangszone", toUnit: "Arbeitsvermittlung" }),
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().scope).toBe("institution");
  });

  it("refuses a pair that is already registered (409) and unknown organisations (422)", async () => {
    const agent = await coordinator();
    const [a, b] = [await buildOrganisation(t.db), await buildOrganisation(t.db)];
    expect((await agent.request("POST", "/api/interfaces", { body: agreement(a.id, b.id) })).statusCode).toBe(
      201,
    );
    const again = await agent.request("POST", "/api/interfaces", { body: agreement(a.id, b.id) });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("interface.exists");
    const unknown = await agent.request("POST", "/api/interfaces", {
      body: agreement(a.id, "00000000-0000-4000-8000-000000000000"),
    });
    expect(unknown.statusCode).toBe(422);
    expect(fieldsOf(unknown.json())).toEqual(["body.toOrganisationId:interface.organisation_unknown"]);
  });

  it("refuses a completion time shorter than the answer time, on create and on change", async () => {
    const agent = await coordinator();
    const [a, b] = [await buildOrganisation(t.db), await buildOrganisation(t.db)];
    const bad = await agent.request("POST", "/api/interfaces", {
      body: agreement(a.id, b.id, { answerWithinDays: 10, completeWithinDays: 5 }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({
      field: "body.completeWithinDays",
      code: "complete_before_answer",
      message: "Die Frist für den Abschluss darf nicht kürzer sein als die Frist für die Antwort.",
    });
    const id = (await agent.request("POST", "/api/interfaces", { body: agreement(a.id, b.id) })).json().id;
    const patch = await agent.request("PATCH", `/api/interfaces/${id}`, {
      body: { answerWithinDays: 25 },
      headers: { "if-match": '"1"' },
    });
    expect(patch.statusCode).toBe(422);
    expect(fieldsOf(patch.json())).toEqual(["body.completeWithinDays:interface.complete_before_answer"]);
  });

  it("answers 409 when a change of departments collides with another interface", async () => {
    const agent = await coordinator();
    const a = await buildOrganisation(t.db);
    const units = (fromUnit: string, toUnit: string) => agreement(a.id, a.id, { fromUnit, toUnit });
    await agent.request("POST", "/api/interfaces", { body: units("Eingangszone", "Leistung") });
    const second = await agent.request("POST", "/api/interfaces", {
      body: units("Eingangszone", "Vermittlung"),
    });
    const res = await agent.request("PATCH", `/api/interfaces/${second.json().id}`, {
      body: { toUnit: "Leistung" },
      headers: { "if-match": '"1"' },
    });
    expect(res.statusCode).toBe(409);
  });
});

describe("listing the register", () => {
  it("filters by organisation, name and status, with the total", async () => {
    const agent = await coordinator();
    const hub = await buildOrganisation(t.db, { name: "Drehscheibe 100% Beratung" });
    const x = await buildOrganisation(t.db, { name: "Kammer Nordwest" });
    const y = await buildOrganisation(t.db, { name: "Bildungsträger Südost" });
    await agent.request("POST", "/api/interfaces", { body: agreement(x.id, hub.id) });
    const second = await agent.request("POST", "/api/interfaces", { body: agreement(hub.id, y.id) });
    await agent.request("PATCH", `/api/interfaces/${second.json().id}`, {
      body: { status: "inactive" },
      headers: { "if-match": '"1"' },
    });
    const byOrg = await agent.request("GET", "/api/interfaces", { query: { organisationId: hub.id } });
    expect(byOrg.json().total).toBe(2);
    expect(byOrg.json().items.map((i: { from: { name: string } }) => i.from.name)).toEqual([
      "Drehscheibe 100% Beratung",
      "Kammer Nordwest",
    ]);
    const active = await agent.request("GET", "/api/interfaces", {
      query: { organisationId: hub.id, status: "active" },
    });
    expect(active.json().items.map((i: { from: { id: string } }) => i.from.id)).toEqual([x.id]);
    const byName = await agent.request("GET", "/api/interfaces", { query: { q: "südost" } });
    expect(byName.json()).toMatchObject({ total: 1, items: [{ to: { id: y.id } }] });
    // % is taken literally, not as a wildcard.
    const literal = await agent.request("GET", "/api/interfaces", { query: { q: "100%" } });
    expect(literal.json().total).toBe(2);
    const paged = await agent.request("GET", "/api/interfaces", {
      query: { organisationId: hub.id, limit: "1", offset: "1" },
    });
    expect(paged.json()).toMatchObject({ total: 2, items: [{ from: { id: x.id } }] });
  });

  it("is readable by every role, including a company contact", async () => {
    const org = await buildOrganisation(t.db, { type: "company" });
    const contact = await buildUser(t.db, { organisationId: org.id, role: "company_contact" });
    const res = await (await t.loginAs(contact.email)).request("GET", "/api/interfaces");
    expect(res.statusCode).toBe(200);
  });
});

describe("network defaults and resolving an interface", () => {
  it("lets the coordination set the defaults and nobody else", async () => {
    const { agent: admin } = await orgWith("org_admin");
    expect((await admin.request("GET", "/api/referral-settings")).json()).toEqual(
      await loadReferralSettings(t.db),
    );
    const body = { answerWithinDays: 4, completeWithinDays: 25, expireAfterDays: 8, dueSoonDays: 1 };
    expect((await admin.request("PUT", "/api/referral-settings", { body })).statusCode).toBe(403);
    const agent = await coordinator();
    const bad = await agent.request("PUT", "/api/referral-settings", {
      body: { ...body, completeWithinDays: 2 },
    });
    expect(bad.statusCode).toBe(422);
    expect(fieldsOf(bad.json())).toEqual(["body.completeWithinDays:interface.complete_before_answer"]);
    const ok = await agent.request("PUT", "/api/referral-settings", { body });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual(body);
    expect(await loadReferralSettings(t.db)).toEqual(body);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "referral_settings.update"));
    expect(entry?.details).toEqual({
      fields: ["answerWithinDays", "completeWithinDays", "expireAfterDays", "dueSoonDays"],
    });
  });

  it("prefers the organisation-level interface, then any active one, then the defaults", async () => {
    const agent = await coordinator();
    const [a, b, c] = [
      await buildOrganisation(t.db),
      await buildOrganisation(t.db),
      await buildOrganisation(t.db),
    ];
    const settings = await loadReferralSettings(t.db);
    expect(await resolveInterface(t.db, a.id, b.id)).toEqual({
      interface: null,
      answerWithinDays: settings.answerWithinDays,
      completeWithinDays: settings.completeWithinDays,
      withoutInterface: true,
    });
    const unit = await agent.request("POST", "/api/interfaces", {
      body: agreement(a.id, b.id, {
        toUnit: "Team Gesundheit",
        answerWithinDays: 10,
        completeWithinDays: 60,
      }),
    });
    expect(await resolveInterface(t.db, a.id, b.id)).toMatchObject({
      interface: { id: unit.json().id },
      answerWithinDays: 10,
      completeWithinDays: 60,
      withoutInterface: false,
    });
    const whole = await agent.request("POST", "/api/interfaces", { body: agreement(a.id, b.id) });
    expect(await resolveInterface(t.db, a.id, b.id)).toMatchObject({
      interface: { id: whole.json().id },
      answerWithinDays: 3,
      completeWithinDays: 20,
    });
    // Direction matters: b → a has no agreement.
    expect((await resolveInterface(t.db, b.id, a.id)).withoutInterface).toBe(true);
    // An inactive interface no longer counts.
    const inactive = await agent.request("POST", "/api/interfaces", {
      body: agreement(a.id, c.id, { status: "inactive" }),
    });
    expect(inactive.statusCode).toBe(201);
    expect((await resolveInterface(t.db, a.id, c.id)).withoutInterface).toBe(true);
  });
});

describe("demo interfaces", () => {
  it("seeds a dozen interfaces between the demo organisations, once", async () => {
    const idOf = new Map<string, string>();
    for (const o of DEMO_ORGANISATIONS) idOf.set(o.key, (await buildOrganisation(t.db, { name: o.name })).id);
    const first = await t.db.transaction((tx) => seedDemoInterfaces(tx, idOf));
    expect(first.interfaces).toBeGreaterThanOrEqual(12);
    expect((await t.db.transaction((tx) => seedDemoInterfaces(tx, idOf))).interfaces).toBe(0);
    const jobcenter = idOf.get("jc-md") ?? "";
    const internal = await resolveInterface(t.db, jobcenter, jobcenter);
    expect(internal.interface).toMatchObject({ scope: "institution", fromUnit: "Eingangszone" });
    expect(await resolveInterface(t.db, idOf.get("mo-md") ?? "", idOf.get("cs-iq-md") ?? "")).toMatchObject({
      answerWithinDays: 3,
      completeWithinDays: 20,
      withoutInterface: false,
    });
  });
});
