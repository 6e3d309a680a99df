import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, directoryChanges, offers, organisations } from "../../src/server/db/schema.ts";
import { importHsds, UNASSIGNED_ORGANISATION_ID } from "../../src/server/modules/hsds/import.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildCoordinator, buildOrganisationWithAdmin } from "../helpers/factories.ts";
import { buildOffer, FIXTURE_NAMES, fixture, hsdsErrors } from "../helpers/hsds.ts";

const t = await createTestApp();
const { coordinator } = await buildCoordinator(t.db);
const coordination = await t.loginAs(coordinator.email);

const importVia = (body: unknown, dryRun: boolean) =>
  coordination.request("POST", `/api/hsds/import?dryRun=${dryRun}`, { body: body as object });

async function tableCounts() {
  const [o] = await t.db.select({ n: count() }).from(offers);
  const [g] = await t.db.select({ n: count() }).from(organisations);
  const [c] = await t.db.select({ n: count() }).from(directoryChanges);
  return { offers: o?.n, organisations: g?.n, changes: c?.n };
}

describe("HSDS import of the official examples", () => {
  it.each(FIXTURE_NAMES)("imports %s without a rejected record, dry run first", async (name) => {
    const before = await tableCounts();
    const dry = await importVia(fixture(name), true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().counts.reject, JSON.stringify(dry.json().records)).toBe(0);
    expect(dry.json().committed).toBe(false);
    expect(await tableCounts()).toEqual(before);

    const real = await importVia(fixture(name), false);
    expect(real.statusCode, real.body).toBe(200);
    expect(real.json().committed).toBe(true);
    expect(real.json().counts.reject).toBe(0);

    const again = await importVia(fixture(name), false);
    expect(again.json().counts).toMatchObject({ create: 0, update: 0, reject: 0 });
  });

  it("exports the imported examples back as schema-valid objects", async () => {
    await importVia(fixture("organization_full"), false);
    const res = await t.app.inject({
      method: "GET",
      url: "/api/hsds/organizations/d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610?full_service=true",
    });
    expect(res.statusCode).toBe(200);
    expect(hsdsErrors("organization", res.json())).toEqual([]);
    const service = await t.app.inject({
      method: "GET",
      url: "/api/hsds/services/ac148810-d857-441c-9679-408f346de14b",
    });
    expect(hsdsErrors("service", service.json())).toEqual([]);
    expect(service.json().languages.map((l: { code: string }) => l.code)).toContain("ur");
    expect(service.json().phones[0].number).toBe('"+44 1234 234567"');
  });
});

describe("HSDS import rules", () => {
  it("writes nothing when one record is invalid, and names the record and the reason", async () => {
    const good = structuredClone(fixture("service_full")) as Record<string, unknown>;
    good.id = "1b4c8a2e-5d6f-4a7b-8c9d-0e1f2a3b4c5d";
    const bad = {
      id: "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
      name: "Ohne Status",
      organization_id: "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610",
    };
    const before = await tableCounts();
    const res = await importVia([good, bad], false);
    expect(res.statusCode).toBe(422);
    expect(res.json().committed).toBe(false);
    const rejected = res.json().records.filter((r: { action: string }) => r.action === "reject");
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ kind: "service", id: bad.id, path: "/1" });
    expect(rejected[0].errors[0].message).toContain("status");
    expect(await tableCounts()).toEqual(before);
  });

  it("puts a location that names no organisation under an inactive holding organisation", async () => {
    const loc = { ...(fixture("location") as object), id: "4d6f8a0b-2c4e-4f6a-9b1d-3e5f7a9b1c2d" };
    const res = await importVia(loc, false);
    expect(res.statusCode, res.body).toBe(200);
    const [holding] = await t.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, UNASSIGNED_ORGANISATION_ID));
    expect(holding?.status).toBe("inactive");
  });

  it("reports a path into the record for a wrong value", async () => {
    const svc = structuredClone(fixture("service_full")) as { phones: { number?: string }[] };
    delete svc.phones[0]?.number;
    const res = await importVia(svc, true);
    const rejected = res.json().records.find((r: { action: string }) => r.action === "reject");
    expect(rejected.errors).toContainEqual({ path: "/phones/0", message: "must have property 'number'" });
  });

  it("is for the network coordination only", async () => {
    const { admin } = await buildOrganisationWithAdmin(t.db);
    const agent = await t.loginAs(admin.email);
    const res = await agent.request("POST", "/api/hsds/import?dryRun=true", {
      body: fixture("taxonomy") as object,
    });
    expect(res.statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: "POST",
      url: "/api/hsds/import",
      payload: fixture("taxonomy") as object,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it("audits a real import with counts only", async () => {
    const res = await importVia(fixture("taxonomy_list"), false);
    expect(res.statusCode).toBe(200);
    const rows = await t.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "directory.import"),
          eq(auditLog.requestId, res.headers["x-request-id"] as string),
        ),
      );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actorUserId).toBe(coordinator.id);
    expect(Object.keys(rows[0]?.details ?? {}).sort()).toEqual([
      "committed",
      "create",
      "dryRun",
      "reject",
      "unchanged",
      "update",
    ]);
  });

  it("records the changes of an update in the history and exposes them as metadata", async () => {
    const svc = structuredClone(fixture("service_full")) as Record<string, unknown>;
    svc.id = "2e5a7b9c-1d3f-4e6a-8b0c-2d4f6a8b0c1e";
    await importVia(svc, false);
    const res = await importVia({ ...svc, name: "Neue Beratung" }, false);
    expect(res.json().counts.update).toBe(1);
    expect(res.json().records.find((r: { kind: string }) => r.kind === "service").fields).toEqual(["name"]);
    const changes = await t.db
      .select()
      .from(directoryChanges)
      .where(eq(directoryChanges.resourceId, svc.id as string));
    expect(changes.map((c) => [c.actionType, c.fieldName, c.updatedBy])).toEqual([
      ["create", "id", `import:${coordinator.id}`],
      ["update", "name", `import:${coordinator.id}`],
    ]);
    const service = await t.app.inject({ method: "GET", url: `/api/hsds/services/${svc.id}` });
    expect(service.json().metadata.at(-1)).toMatchObject({
      field_name: "name",
      replacement_value: "Neue Beratung",
    });
    expect(hsdsErrors("service", service.json())).toEqual([]);
  });
});

describe("Lotse attributes through HSDS", () => {
  it("survives export → import → export unchanged", async () => {
    const { org } = await buildOrganisationWithAdmin(t.db);
    const { offer } = await buildOffer(t.db, org.id, {
      languages: ["de", "ar", "uk", "fa"],
      hsds: {
        email: "x@iq.example",
        languages: [
          { id: "0b9f3a3e-8f0a-4c39-9d7e-0f7b8d7c6a51", code: "fa", name: "Farsi", note: "mit Dolmetschung" },
        ],
      },
    });
    const first = (
      await t.app.inject({ method: "GET", url: `/api/hsds/organizations/${org.id}?full_service=true` })
    ).json();
    expect(hsdsErrors("organization", first)).toEqual([]);
    const again = await importVia(first, false);
    expect(again.json().counts, JSON.stringify(again.json().records)).toMatchObject({
      create: 0,
      update: 0,
      reject: 0,
    });
    const second = (
      await t.app.inject({ method: "GET", url: `/api/hsds/organizations/${org.id}?full_service=true` })
    ).json();
    expect(second).toEqual(first);

    // Into an empty state: the same object brings every Lotse attribute back.
    await t.db.delete(offers).where(eq(offers.id, offer.id));
    const back = await importVia(first, false);
    expect(back.json().counts.reject).toBe(0);
    const [row] = await t.db.select().from(offers).where(eq(offers.id, offer.id));
    expect(row).toMatchObject({
      phases: [2, 3],
      offerType: "anerkennungsberatung",
      targetGroups: ["migrants_with_foreign_qualification", "refugees"],
      languages: ["de", "ar", "uk", "fa"],
      minGermanLevel: "A2",
      fundingRoute: "iq_programme",
      districts: ["15003", "15083"],
      freeOfCharge: true,
      capacityAvailable: 4,
      capacityMaximum: 12,
      translations: {
        en: { name: "Recognition counselling", description: "Counselling on recognition" },
        ar: {
          name: "استشارة الاعتراف بالمؤهلات (Anerkennungsberatung)",
          description: "استشارة حول الاعتراف",
        },
        uk: { name: "Консультація з визнання кваліфікацій" },
      },
    });
    expect(row?.capacityUpdatedAt?.toISOString()).toBe("2026-01-15T09:00:00.000Z");
    const third = (await t.app.inject({ method: "GET", url: `/api/hsds/services/${offer.id}` })).json();
    const firstService = first.services[0];
    const strip = (s: Record<string, unknown>) => {
      const { metadata: _m, last_modified: _l, organization: _o, service_at_locations: sals, ...rest } = s;
      return { ...rest, sals: (sals as { id: string }[]).map((x) => x.id) };
    };
    expect(strip(third)).toEqual(strip(firstService));
    // An element the import brought keeps its id and note; Lotse's own get derived ids.
    expect(third.languages.find((l: { code: string }) => l.code === "fa")).toMatchObject({
      id: "0b9f3a3e-8f0a-4c39-9d7e-0f7b8d7c6a51",
      note: "mit Dolmetschung",
    });
  });

  it("runs the import as a function too (used by the command line)", async () => {
    const report = await importHsds({
      db: t.db,
      document: fixture("taxonomy_term"),
      dryRun: true,
      updatedBy: "import:cli",
    });
    expect(report.counts.reject).toBe(0);
  });
});
