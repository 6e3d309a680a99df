import { describe, expect, it } from "vitest";
import type { Db } from "../../src/server/db/client.ts";
import { offers } from "../../src/server/db/schema.ts";
import type { Matrix } from "../../src/shared/contracts/matrix.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildCoordinator, buildOrganisation, buildOrganisationWithAdmin } from "../helpers/factories.ts";

const t = await createTestApp();
const { coordinator } = await buildCoordinator(t.db);
const agent = await t.loginAs(coordinator.email);

async function buildOffer(db: Db, overrides: Partial<typeof offers.$inferInsert> = {}) {
  const organisationId = overrides.organisationId ?? (await buildOrganisation(db)).id;
  const [offer] = await db
    .insert(offers)
    .values({ name: "Angebot", organisationId, phases: [2], offerType: "anerkennungsberatung", ...overrides })
    .returning();
  if (!offer) throw new Error("no offer");
  return offer;
}

async function matrix(by: "phase" | "type", headers: Record<string, string> = {}): Promise<Matrix> {
  const res = await agent.request("GET", "/api/directory/matrix", { query: { by }, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const cell = (m: Matrix, key: string, ags: string) =>
  m.rows.find((r) => r.key === key)?.cells.find((c) => c.ags === ags);

describe("directory matrix", () => {
  it("is only for the network coordination", async () => {
    const { admin } = await buildOrganisationWithAdmin(t.db);
    const asAdmin = await t.loginAs(admin.email);
    for (const url of [
      "/api/directory/matrix",
      "/api/directory/matrix.csv",
      "/api/directory/matrix/offers?phase=1",
    ]) {
      expect((await asAdmin.request("GET", url)).statusCode, url).toBe(403);
      expect((await t.app.inject({ method: "GET", url })).statusCode, url).toBe(401);
    }
  });

  it("counts active offers per phase and district, each offer once per cell and total", async () => {
    const before = await matrix("phase");
    await buildOffer(t.db, { phases: [2, 3], districts: ["15001", "15002"] });
    await buildOffer(t.db, { phases: [3], districts: ["15001"] });
    await buildOffer(t.db, { phases: [3], districts: ["15001"], status: "inactive" });
    const closed = await buildOrganisation(t.db, { status: "inactive" });
    await buildOffer(t.db, { phases: [3], districts: ["15001"], organisationId: closed.id });
    const after = await matrix("phase");
    const delta = (key: string, ags: string) =>
      (cell(after, key, ags)?.count ?? 0) - (cell(before, key, ags)?.count ?? 0);
    expect([delta("2", "15001"), delta("3", "15001"), delta("3", "15002"), delta("1", "15001")]).toEqual([
      1, 2, 1, 0,
    ]);
    const rowTotal = (m: Matrix, key: string) => m.rows.find((r) => r.key === key)?.total ?? 0;
    expect(rowTotal(after, "3") - rowTotal(before, "3")).toBe(2);
    const column = (m: Matrix, ags: string) => m.districts.find((d) => d.ags === ags)?.total ?? 0;
    expect(column(after, "15001") - column(before, "15001")).toBe(2);
    expect(after.total - before.total).toBe(2);
    expect(after.rows.map((r) => r.key)).toEqual(["1", "2", "3", "4", "5"]);
    expect(after.rows.every((r) => r.cells.length === 14)).toBe(true);
  });

  it("flags empty cells as gaps", async () => {
    const m = await matrix("phase");
    const gapCells = m.rows.flatMap((r) => r.cells.filter((c) => c.gap));
    expect(gapCells.every((c) => c.count === 0)).toBe(true);
    expect(m.gaps).toBe(gapCells.length);
    expect(cell(m, "5", "15091")).toEqual({ ags: "15091", count: 0, gap: true });
  });

  it("counts per offer type with translated labels", async () => {
    await buildOffer(t.db, { offerType: "berufssprachkurs", districts: ["15085"] });
    const m = await matrix("type", { "accept-language": "en" });
    expect(m.rows).toHaveLength(13);
    expect(m.rows.find((r) => r.key === "berufssprachkurs")).toMatchObject({
      label: "Job-related German course",
    });
    expect(cell(m, "berufssprachkurs", "15085")).toMatchObject({ count: 1, gap: false });
  });

  it("lists the offers of a cell", async () => {
    const org = await buildOrganisation(t.db, { name: "Zelle e. V." });
    const inCell = await buildOffer(t.db, {
      name: "Kompetenzcheck",
      organisationId: org.id,
      offerType: "kompetenzfeststellung",
      districts: ["15086"],
    });
    await buildOffer(t.db, { offerType: "kompetenzfeststellung", districts: ["15087"] });
    const res = await agent.request("GET", "/api/directory/matrix/offers", {
      query: { type: "kompetenzfeststellung", district: "15086" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      total: 1,
      items: [
        {
          id: inCell.id,
          name: "Kompetenzcheck",
          organisationId: org.id,
          organisationName: "Zelle e. V.",
          offerType: "Kompetenzfeststellung",
          phases: [2],
          districts: ["15086"],
        },
      ],
    });
    const row = await agent.request("GET", "/api/directory/matrix/offers", {
      query: { type: "kompetenzfeststellung" },
    });
    expect(row.json().total).toBe(2);
  });

  it("needs exactly one of phase and type for a cell", async () => {
    for (const query of [{}, { phase: "1", type: "berufssprachkurs" }] as Record<string, string>[]) {
      const res = await agent.request("GET", "/api/directory/matrix/offers", { query });
      expect(res.statusCode).toBe(400);
    }
  });

  it("exports the matrix as CSV for Excel: BOM, semicolons, German headers", async () => {
    const res = await agent.request("GET", "/api/directory/matrix.csv", { query: { by: "phase" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="angebotsmatrix-phase-/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Phase;Dessau-Roßlau;Halle (Saale);Magdeburg;Altmarkkreis Salzwedel;Anhalt-Bitterfeld;Börde;Burgenlandkreis;Harz;Jerichower Land;Mansfeld-Südharz;Saalekreis;Salzlandkreis;Stendal;Wittenberg;Angebote gesamt;Landkreise ohne Angebot",
    );
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(/^Zugang, Ansprache und Information;(\d+;){15}\d+$/);
    expect(lines[6]).toMatch(/^Angebote gesamt;/);
    const typed = await agent.request("GET", "/api/directory/matrix.csv", { query: { by: "type" } });
    expect(typed.body.split("\r\n")[0]).toMatch(/^\uFEFFAngebotsart;/);
  });
});
