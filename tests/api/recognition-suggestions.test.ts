import { beforeAll, describe, expect, it } from "vitest";
import { offers } from "../../src/server/db/schema.ts";
import { DISTRICT_KEYS } from "../../src/shared/domain.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildClient } from "../helpers/case-factories.ts";
import { buildOrganisation, buildUser } from "../helpers/factories.ts";

// This file's database holds only the offers planted here, so every suggestion can be accounted for.
const t = await createTestApp();

type Planted = Partial<typeof offers.$inferInsert> & { name: string };
const HALLE = "15002";
const MAGDEBURG = "15003";

async function plant(organisationId: string, list: Planted[]) {
  await t.db.insert(offers).values(
    list.map((o) => ({
      organisationId,
      offerType: "anpassungsqualifizierung" as const,
      phases: [3],
      occupationFields: ["81"],
      districts: [HALLE],
      ...o,
    })),
  );
}

let counsellingOrgId = "";
let agent: Awaited<ReturnType<typeof t.loginAs>>;

beforeAll(async () => {
  const provider = await buildOrganisation(t.db, { name: "Bildungsträger Süd", type: "education_provider" });
  const closed = await buildOrganisation(t.db, { name: "Ehemaliger Träger", status: "inactive" });
  await plant(provider.id, [
    { name: "A Anpassung Pflege Halle" },
    { name: "B Nachqualifizierung Pflege Halle", offerType: "nachqualifizierung" },
    { name: "C Anpassung alle Berufe Halle", occupationFields: [] },
    { name: "D Anpassung Pflege landesweit", districts: [...DISTRICT_KEYS] },
    { name: "E Anpassung Kfz Halle", occupationFields: ["25"] },
    { name: "F Anpassung Pflege Magdeburg", districts: [MAGDEBURG] },
    { name: "G Anpassung Pflege Halle Phase 2", phases: [2] },
    { name: "H Anpassung Pflege Halle ruht", status: "inactive" },
    { name: "I Berufssprachkurs Halle", offerType: "berufssprachkurs", occupationFields: [] },
    { name: "J Kompetenzfeststellung Halle", offerType: "kompetenzfeststellung" },
    { name: "K Anpassung ohne Landkreis", districts: [] },
  ]);
  await plant(closed.id, [{ name: "L Anpassung Pflege Halle, Träger inaktiv" }]);

  const counselling = await buildOrganisation(t.db, { districtAgs: MAGDEBURG });
  counsellingOrgId = counselling.id;
  const counsellor = await buildUser(t.db, { organisationId: counselling.id, role: "counsellor" });
  agent = await t.loginAs(counsellor.email);
});

/** A procedure decided with the given decision and differences, for a client living in `district`. */
async function decided(opts: {
  district: string | null;
  regulated?: boolean;
  decision: string;
  differences: { kind: string; description: string }[];
}) {
  const client = await buildClient(t.db, { organisationId: counsellingOrgId, districtAgs: opts.district });
  const q = await agent.request("POST", `/api/clients/${client.id}/qualifications`, {
    body: { originalTitle: "Nursing diploma", country: "IN" },
  });
  const p = await agent.request("POST", "/api/recognition-procedures", {
    body: {
      qualificationId: q.json().id,
      referenceOccupationCode: "81302",
      regulated: opts.regulated ?? false,
    },
  });
  let version = p.json().version;
  for (const state of ["counselled", "collecting_documents", "applied", "documents_complete"]) {
    version = (
      await agent.request("PATCH", `/api/recognition-procedures/${p.json().id}`, {
        body: { state },
        headers: { "if-match": `"${version}"` },
      })
    ).json().version;
  }
  const res = await agent.request("PATCH", `/api/recognition-procedures/${p.json().id}`, {
    body: {
      state: "decided",
      decision: opts.decision,
      differences: opts.differences,
      ...(opts.decision === "compensation_required" ? { compensationMeasure: "anpassungslehrgang" } : {}),
    },
    headers: { "if-match": `"${version}"` },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const suggestionsFor = async (procedureId: string) => {
  const res = await agent.request("GET", `/api/recognition-procedures/${procedureId}/suggestions`);
  expect(res.statusCode).toBe(200);
  return res.json().items as {
    differenceId: string;
    kind: string;
    offers: { name: string; matchesOccupationField: boolean; matchesDistrict: boolean }[];
  }[];
};
const names = (item: { offers: { name: string }[] } | undefined) => item?.offers.map((o) => o.name);

describe("suggested offers for the differences of a decision", () => {
  it("ranks own field before any field, own district before statewide, then the preferred type", async () => {
    const procedure = await decided({
      district: HALLE,
      decision: "partial",
      differences: [
        { kind: "practical_skills", description: "Praxis im Krankenhaus" },
        { kind: "language", description: "Fachsprache Pflege" },
      ],
    });
    const [practical, language] = await suggestionsFor(procedure.id);
    expect(practical?.differenceId).toBe(procedure.differences[0].id);
    expect(names(practical)).toEqual([
      "A Anpassung Pflege Halle",
      "B Nachqualifizierung Pflege Halle",
      "D Anpassung Pflege landesweit",
      "C Anpassung alle Berufe Halle",
    ]);
    expect(practical?.offers.map((o) => [o.matchesOccupationField, o.matchesDistrict])).toEqual([
      [true, true],
      [true, true],
      [true, false],
      [false, true],
    ]);
    expect(names(language)).toEqual(["I Berufssprachkurs Halle"]);
  });

  it("prefers the offer type the kind of difference names first", async () => {
    const procedure = await decided({
      district: HALLE,
      decision: "none",
      differences: [{ kind: "theoretical_knowledge", description: "Pflegewissenschaft" }],
    });
    const [theory] = await suggestionsFor(procedure.id);
    expect(names(theory)?.slice(0, 2)).toEqual([
      "B Nachqualifizierung Pflege Halle",
      "A Anpassung Pflege Halle",
    ]);
  });

  it("falls back to the counselling organisation's district when the client has none", async () => {
    const procedure = await decided({
      district: null,
      regulated: true,
      decision: "compensation_required",
      differences: [{ kind: "practical_skills", description: "Praxis" }],
    });
    const [practical] = await suggestionsFor(procedure.id);
    expect(names(practical)).toEqual(["F Anpassung Pflege Magdeburg", "D Anpassung Pflege landesweit"]);
  });

  it("suggests nothing for a full recognition", async () => {
    const procedure = await decided({ district: HALLE, decision: "full", differences: [] });
    expect(await suggestionsFor(procedure.id)).toEqual([]);
  });
});
