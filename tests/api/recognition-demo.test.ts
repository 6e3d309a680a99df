import { describe, expect, it } from "vitest";
import { seedDemo } from "../../src/server/demo/seed.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildClient } from "../helpers/case-factories.ts";
import { buildOrganisation, buildUser } from "../helpers/factories.ts";

const t = await createTestApp();
await seedDemo(t.db);
const org = await buildOrganisation(t.db, { districtAgs: "15003" });
const counsellor = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
const agent = await t.loginAs(counsellor.email);

type Offer = { name: string; offerType: string; matchesOccupationField: boolean; matchesDistrict: boolean };

/** The suggestions for a decided procedure of a client in `district`. */
async function suggestions(opts: {
  district: string;
  occupation: string;
  regulated: boolean;
  decision: string;
  differences: { kind: string; description: string }[];
}) {
  const client = await buildClient(t.db, { organisationId: org.id, districtAgs: opts.district });
  const q = await agent.request("POST", `/api/clients/${client.id}/qualifications`, {
    body: { originalTitle: "Diploma", country: "SY" },
  });
  const p = await agent.request("POST", "/api/recognition-procedures", {
    body: {
      qualificationId: q.json().id,
      referenceOccupationCode: opts.occupation,
      regulated: opts.regulated,
    },
  });
  let version = p.json().version;
  const move = async (body: object) => {
    const res = await agent.request("PATCH", `/api/recognition-procedures/${p.json().id}`, {
      body,
      headers: { "if-match": `"${version}"` },
    });
    expect(res.statusCode, res.body).toBe(200);
    version = res.json().version;
  };
  for (const state of ["counselled", "collecting_documents", "applied", "documents_complete"]) {
    await move({ state });
  }
  await move({
    state: "decided",
    decision: opts.decision,
    differences: opts.differences,
    ...(opts.regulated ? { compensationMeasure: "anpassungslehrgang" } : {}),
  });
  const res = await agent.request("GET", `/api/recognition-procedures/${p.json().id}/suggestions`);
  expect(res.statusCode).toBe(200);
  return res.json().items as { kind: string; offers: Offer[] }[];
}

const closeMatches = (offers: Offer[] | undefined) =>
  (offers ?? []).filter((o) => o.matchesOccupationField && o.matchesDistrict).map((o) => o.name);

describe("suggestions in the demo network", () => {
  it("finds nursing adaptation and language offers for a nurse in Magdeburg", async () => {
    const [practical, language] = await suggestions({
      district: "15003",
      occupation: "81302",
      regulated: true,
      decision: "compensation_required",
      differences: [
        { kind: "practical_skills", description: "Praxis in der Pflege" },
        { kind: "language", description: "Fachsprache" },
      ],
    });
    expect(closeMatches(practical?.offers)).toContain("Anpassungslehrgang Pflege im Klinikum");
    expect(closeMatches(language?.offers).length).toBeGreaterThanOrEqual(1);
  });

  it("finds nursing offers in Halle", async () => {
    const [practical, language] = await suggestions({
      district: "15002",
      occupation: "81302",
      regulated: true,
      decision: "compensation_required",
      differences: [
        { kind: "theoretical_knowledge", description: "Pflegewissenschaft" },
        { kind: "language", description: "Fachsprache" },
      ],
    });
    expect(closeMatches(practical?.offers)).toContain("Vorbereitung auf die Kenntnisprüfung Pflege");
    expect(closeMatches(language?.offers)).toContain(
      "Berufssprachkurs B2 Gesundheit und Pflege – Halle (Saale)",
    );
  });

  it("finds vehicle-technology offers in Magdeburg and Halle", async () => {
    for (const district of ["15003", "15002"]) {
      const [practical, whole] = await suggestions({
        district,
        occupation: "25212",
        regulated: false,
        decision: "partial",
        differences: [
          { kind: "practical_skills", description: "Hochvolttechnik" },
          { kind: "whole_qualification", description: "Abschluss fehlt" },
        ],
      });
      expect(closeMatches(practical?.offers).length, district).toBeGreaterThanOrEqual(1);
      expect(closeMatches(whole?.offers).length, district).toBeGreaterThanOrEqual(1);
    }
  });
});
