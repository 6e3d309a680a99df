import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, offers, organisations } from "../../src/server/db/schema.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { buildOrganisation } from "../helpers/factories.ts";
import { buildOffer, hsdsErrors } from "../helpers/hsds.ts";

// The command line as a person runs it: a real process on the test database (DATABASE_URL, so it
// starts no embedded server of its own).
const { db, url } = await createTestDatabase();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lotse-hsds-cli-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function lotse(args: string[], env: Record<string, string> = { DATABASE_URL: url }) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "warn", ...env };
    if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
    const child = spawn(process.execPath, ["src/server/cli.ts", ...args], { env: childEnv });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    child.on("exit", (code) => resolve({ code, out }));
  });
}

describe("npm run lotse -- hsds", () => {
  it("exports the directory to a file of schema-valid HSDS objects", async () => {
    const org = await buildOrganisation(db);
    await buildOffer(db, org.id);
    await buildOffer(db, org.id, { status: "inactive" });
    const file = path.join(dir, "export.json");
    const { code, out } = await lotse(["hsds", "export", file]);
    expect(code, out).toBe(0);
    expect(out).toContain("Exported 1 organizations with 2 services");
    const doc = JSON.parse(fs.readFileSync(file, "utf8"));
    expect(doc).toMatchObject({ total_items: 1, page_number: 1, empty: false });
    for (const o of doc.contents) expect(hsdsErrors("organization", o)).toEqual([]);
    expect(doc.contents[0].services).toHaveLength(2);
    expect(doc.contents[0].locations).toHaveLength(2);
  });

  it("imports a file: a dry run writes nothing, the real run writes, a second run changes nothing", async () => {
    const file = path.join(dir, "org.json");
    fs.copyFileSync("tests/fixtures/hsds-3.0/organization_full.json", file);
    const id = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610";
    const dry = await lotse(["hsds", "import", file, "--dry-run"]);
    expect(dry.code, dry.out).toBe(0);
    expect(dry.out).toMatch(/Dry run: \d+ created, 0 updated, 0 unchanged, 0 rejected/);
    expect(await db.select().from(organisations).where(eq(organisations.id, id))).toHaveLength(0);

    const real = await lotse(["hsds", "import", file]);
    expect(real.code, real.out).toBe(0);
    expect(real.out).toContain("Imported:");
    expect(await db.select().from(organisations).where(eq(organisations.id, id))).toHaveLength(1);
    const [audited] = await db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, "directory.import"));
    expect(audited?.n).toBe(1);

    const again = await lotse(["hsds", "import", file]);
    expect(again.code, again.out).toBe(0);
    expect(again.out).toMatch(/Imported: 0 created, 0 updated, \d+ unchanged, 0 rejected/);
  });

  it("round-trips its own export without a change", async () => {
    const file = path.join(dir, "export.json");
    const exported = await lotse(["hsds", "export", file]);
    expect(exported.code, exported.out).toBe(0);
    const back = await lotse(["hsds", "import", file]);
    expect(back.code, back.out).toBe(0);
    expect(back.out).toMatch(/Imported: 0 created, 0 updated, \d+ unchanged, 0 rejected/);
    const second = path.join(dir, "export-2.json");
    await lotse(["hsds", "export", second]);
    expect(fs.readFileSync(second, "utf8")).toBe(fs.readFileSync(file, "utf8"));
  });

  it("writes nothing and fails when a record is invalid", async () => {
    const file = path.join(dir, "bad.json");
    const [before] = await db.select({ n: count() }).from(offers);
    fs.writeFileSync(
      file,
      JSON.stringify([
        {
          id: "5f0e8a1c-2b3d-4e5f-8a9b-0c1d2e3f4a5b",
          name: "Gut",
          status: "active",
          organization_id: "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610",
        },
        { id: "not-a-uuid", name: "Schlecht", status: "active" },
      ]),
    );
    const { code, out } = await lotse(["hsds", "import", file]);
    expect(code).toBe(1);
    expect(out).toContain('rejected service not-a-uuid at /1/id: must match format "uuid"');
    expect(out).toContain("nothing was written");
    const [after] = await db.select({ n: count() }).from(offers);
    expect(after?.n).toBe(before?.n);
  });

  it("says clearly that the embedded database is busy while Lotse runs on it", async () => {
    const dataDir = fs.mkdtempSync(path.join(dir, "data-"));
    // This test process stands in for a running `npm start`: a live node process holding the lock.
    fs.writeFileSync(path.join(dataDir, "lotse.lock"), String(process.pid));
    const { code, out } = await lotse(["hsds", "export", path.join(dir, "x.json")], {
      LOTSE_DATA_DIR: dataDir,
    });
    expect(code).toBe(2);
    expect(out).toContain("Another Lotse");
    expect(out).toContain("stop it first");
    expect(out).toContain("DATABASE_URL");
  });

  it("explains a usage error", async () => {
    const { code, out } = await lotse(["hsds", "frobnicate"]);
    expect(code).toBe(64);
    expect(out).toContain("npm run lotse -- hsds import FILE");
  });
});
