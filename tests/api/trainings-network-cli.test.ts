import { describe, expect, it, vi } from "vitest";
import type { Database } from "../../src/server/db/open.ts";
import { runGenerate } from "../../src/server/modules/analytics/cli-generate.ts";
import { createTestDatabase } from "../helpers/db.ts";

// `npm run lotse -- generate --plant-cohort effect|none`: the option is checked before anything is
// opened, and a replacing run removes the cohort it planted before (it stands on generated
// organisations, which a cohort may not outlive).
const SMALL = ["--orgs", "20", "--cases", "200", "--events", "2000", "--years", "2", "--seed", "7"];

describe("the generator's --plant-cohort option", () => {
  it("refuses a wrong value without opening the database", async () => {
    const open = vi.fn();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await runGenerate(["--plant-cohort", "maybe"], open)).toBe(64);
    expect(await runGenerate(["--cohort-orgs", "5"], open)).toBe(64);
    expect(await runGenerate(["--plant-cohort", "effect", "--cohort-orgs", "1"], open)).toBe(64);
    expect(open).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it("plants a cohort, and a replacing run swaps it for a new one", async () => {
    const test = await createTestDatabase();
    const database: Database = { ...test, embedded: undefined, close: async () => {} };
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      expect(
        await runGenerate([...SMALL, "--plant-cohort", "effect", "--cohort-orgs", "6"], async () => database),
      ).toBe(0);
      const first = await test.pool.query(
        `select c.id, count(p.*)::int as people, count(distinct p.organisation_id)::int as orgs
         from training_cohorts c join training_participants p on p.cohort_id = c.id group by c.id`,
      );
      expect(first.rows).toHaveLength(1);
      expect(first.rows[0].orgs).toBe(6);
      expect(log.mock.calls.flat().join("\n")).toMatch(/Planted training cohort .* 6 organisations/);

      expect(await runGenerate([...SMALL, "--replace", "--plant-cohort", "none"], async () => database)).toBe(
        0,
      );
      const second = await test.pool.query("select id, title from training_cohorts");
      expect(second.rows).toHaveLength(1);
      expect(second.rows[0].id).not.toBe(first.rows[0].id);
      expect(second.rows[0].title).toContain("ohne Wirkung");
      const programmes = await test.pool.query(
        "select count(*)::int as n from training_programmes where key = 'synthetic-network-effect'",
      );
      expect(programmes.rows[0].n).toBe(1);

      // Replacing without the option leaves no planted cohort behind.
      expect(await runGenerate([...SMALL, "--replace"], async () => database)).toBe(0);
      const none = await test.pool.query("select count(*)::int as n from training_cohorts");
      expect(none.rows[0].n).toBe(0);
    } finally {
      log.mockRestore();
    }
  });
});
