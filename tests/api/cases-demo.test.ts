import fs from "node:fs";
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { caseEvents, caseNotes, cases, clients, recognitionProcedures } from "../../src/server/db/schema.ts";
import { DEMO_CASES } from "../../src/server/demo/case-catalogue.ts";
import { DEMO_PASSWORD, seedDemo } from "../../src/server/demo/seed.ts";
import { CASE_EVENT_KINDS, type CaseEventKind } from "../../src/shared/contracts/cases.ts";
import { ClientInput } from "../../src/shared/contracts/clients.ts";
import { createTestApp } from "../helpers/app.ts";

const t = await createTestApp();
const KLDB = fs.readFileSync(new URL("../../reference/kldb2010/kldb2010.csv", import.meta.url), "utf8");

beforeAll(async () => {
  expect(await seedDemo(t.db)).toBe(true);
});

describe("the demo cases", () => {
  it("are a realistic handful that the API's own contract accepts", async () => {
    const [n] = await t.db.select({ n: count() }).from(cases);
    expect(n?.n).toBe(DEMO_CASES.length);
    expect(DEMO_CASES.length).toBeGreaterThanOrEqual(10);
    for (const spec of DEMO_CASES) {
      const parsed = ClientInput.safeParse({
        ...spec.client,
        special: { residenceStatus: spec.client.residenceStatus },
      });
      expect(parsed.success, `${spec.client.name}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it("are seeded once, however often the seed runs", async () => {
    expect(await seedDemo(t.db)).toBe(false);
    const [n] = await t.db.select({ n: count() }).from(clients);
    expect(n?.n).toBe(DEMO_CASES.length);
  });

  it("use real KldB 2010 occupations and include a partial decision with differences", async () => {
    const procedures = await t.db.select().from(recognitionProcedures);
    expect(procedures.length).toBeGreaterThanOrEqual(2);
    expect(new Set(procedures.map((p) => p.state)).size).toBe(procedures.length);
    for (const p of procedures) {
      expect(KLDB, p.referenceOccupationCode).toContain(
        `${p.referenceOccupationCode};5;${p.referenceOccupationTitle};`,
      );
    }
    const partial = procedures.find((p) => p.decision === "partial");
    expect(partial?.differences.length).toBeGreaterThanOrEqual(1);
  });

  it("write only timeline events the web app knows", async () => {
    const kinds = await t.db.selectDistinct({ kind: caseEvents.kind }).from(caseEvents);
    for (const { kind } of kinds) expect(CASE_EVENT_KINDS).toContain(kind as CaseEventKind);
  });

  it("give the demo counsellor overdue and upcoming deadlines, and the cases of the organisation", async () => {
    const agent = await t.loginAs("beratung@lotse.example", DEMO_PASSWORD);
    const list = await agent.request("GET", "/api/cases");
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBeGreaterThanOrEqual(3);
    const deadlines = (await agent.request("GET", "/api/deadlines", { query: { scope: "mine" } })).json()
      .items as {
      overdue: boolean;
    }[];
    expect(deadlines.some((d) => d.overdue)).toBe(true);
    expect(deadlines.some((d) => !d.overdue)).toBe(true);
  });

  it("give the demo volunteer their assigned cases, without the special note", async () => {
    const agent = await t.loginAs("ehrenamt@lotse.example", DEMO_PASSWORD);
    const list = await agent.request("GET", "/api/cases");
    const assigned = DEMO_CASES.filter((c) => c.assignee === "volunteer");
    expect(list.json().total).toBe(assigned.length);
    const specials = await t.db.select().from(caseNotes).where(eq(caseNotes.special, true));
    for (const item of list.json().items as { id: string }[]) {
      const notes = await agent.request("GET", `/api/cases/${item.id}/notes`);
      expect(notes.statusCode).toBe(200);
      for (const special of specials) expect(notes.body).not.toContain(special.body);
    }
    expect(specials.some((s) => list.json().items.some((i: { id: string }) => i.id === s.caseId))).toBe(true);
  });
});
