import { describe, expect, it } from "vitest";
import type { Role } from "../../src/shared/domain.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildCase, buildClient } from "../helpers/case-factories.ts";
import { buildOrganisation, buildUser } from "../helpers/factories.ts";

const t = await createTestApp();

/**
 * One organisation with a client whose case is assigned to a volunteer, a qualification and a
 * procedure opened by a counsellor; the second client's case is assigned to nobody.
 */
async function world() {
  const org = await buildOrganisation(t.db);
  const counsellor = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
  const volunteer = await buildUser(t.db, { organisationId: org.id, role: "volunteer" });
  const agent = await t.loginAs(counsellor.email);
  const assigned = await buildClient(t.db, { organisationId: org.id });
  await buildCase(t.db, { organisationId: org.id, clientId: assigned.id, assigneeUserId: volunteer.id });
  const unassigned = await buildClient(t.db, { organisationId: org.id });
  await buildCase(t.db, { organisationId: org.id, clientId: unassigned.id });

  const journeyOf = async (clientId: string) => {
    const q = await agent.request("POST", `/api/clients/${clientId}/qualifications`, {
      body: { originalTitle: "Инженер-механик", country: "KZ" },
    });
    expect(q.statusCode).toBe(201);
    const p = await agent.request("POST", "/api/recognition-procedures", {
      body: { qualificationId: q.json().id, referenceOccupationCode: "25212", regulated: false },
    });
    expect(p.statusCode).toBe(201);
    return { clientId, qualificationId: q.json().id as string, procedureId: p.json().id as string };
  };
  return { org, volunteer, mine: await journeyOf(assigned.id), notMine: await journeyOf(unassigned.id) };
}

type Journey = Awaited<ReturnType<typeof world>>["mine"];
const reads = (j: Journey) => [
  `/api/clients/${j.clientId}/qualifications`,
  `/api/recognition-procedures/${j.procedureId}`,
  `/api/recognition-procedures/${j.procedureId}/suggestions`,
];
const writes = (j: Journey) =>
  [
    ["POST", `/api/clients/${j.clientId}/qualifications`, { originalTitle: "Diplom", country: "SY" }],
    ["PATCH", `/api/qualifications/${j.qualificationId}`, { year: 2001 }],
    [
      "POST",
      "/api/recognition-procedures",
      { qualificationId: j.qualificationId, referenceOccupationCode: "25212", regulated: false },
    ],
    ["PATCH", `/api/recognition-procedures/${j.procedureId}`, { state: "counselled" }],
  ] as const;

describe("who may see and change recognition journeys", () => {
  it("lets a volunteer read the journeys of assigned clients only, and change none", async () => {
    const { volunteer, mine, notMine } = await world();
    const agent = await t.loginAs(volunteer.email);
    for (const url of reads(mine)) expect((await agent.request("GET", url)).statusCode, url).toBe(200);
    const list = await agent.request("GET", `/api/clients/${mine.clientId}/qualifications`);
    expect(list.json().items[0]).toMatchObject({ abilities: { update: false } });
    expect(list.json().items[0].procedures[0]).toMatchObject({ abilities: { update: false } });
    for (const url of reads(notMine)) expect((await agent.request("GET", url)).statusCode, url).toBe(404);
    for (const [method, url, body] of writes(mine)) {
      const res = await agent.request(method, url, { body, headers: { "if-match": '"1"' } });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
  });

  it.each<Role>(["org_admin", "trainer", "company_contact", "network_coordinator"])(
    "refuses %s with 403",
    async (role) => {
      const { org, mine } = await world();
      const user = await buildUser(t.db, { organisationId: org.id, role });
      const agent = await t.loginAs(user.email);
      for (const url of reads(mine)) expect((await agent.request("GET", url)).statusCode, url).toBe(403);
      for (const [method, url, body] of writes(mine)) {
        const res = await agent.request(method, url, { body, headers: { "if-match": '"1"' } });
        expect(res.statusCode, `${method} ${url}`).toBe(403);
      }
    },
  );

  it("hides every journey from a counsellor of another organisation, suggestions included", async () => {
    const { mine } = await world();
    const elsewhere = await buildOrganisation(t.db);
    const stranger = await buildUser(t.db, { organisationId: elsewhere.id, role: "counsellor" });
    const agent = await t.loginAs(stranger.email);
    for (const url of reads(mine)) expect((await agent.request("GET", url)).statusCode, url).toBe(404);
    for (const [method, url, body] of writes(mine)) {
      const res = await agent.request(method, url, { body, headers: { "if-match": '"1"' } });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
  });

  it("lets every role search occupations and the directory's organisations", async () => {
    const { org } = await world();
    for (const role of ["trainer", "company_contact", "volunteer"] as const) {
      const user = await buildUser(t.db, { organisationId: org.id, role });
      const agent = await t.loginAs(user.email);
      expect((await agent.request("GET", "/api/occupations?q=Pflege")).statusCode).toBe(200);
      expect((await agent.request("GET", "/api/occupations/fields")).statusCode).toBe(200);
      expect((await agent.request("GET", "/api/directory/organisations?q=Test")).statusCode).toBe(200);
    }
    const anonymous = await t.app.inject({ method: "GET", url: "/api/occupations?q=Pflege" });
    expect(anonymous.statusCode).toBe(401);
  });
});
