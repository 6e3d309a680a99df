import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { exportHsds } from "../../src/server/modules/hsds/export.ts";
import { importHsds } from "../../src/server/modules/hsds/import.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { hsdsErrors } from "../helpers/hsds.ts";

const { db } = await createTestDatabase();

/** 50 organisations with 200 offers each, every offer at a location of its organisation. */
async function seedLargeDirectory() {
  await db.execute(sql`
    insert into organisations (name, type, district_ags)
    select 'Träger ' || g, 'education_provider', '15003' from generate_series(1, 50) g`);
  await db.execute(sql`
    insert into offers (organisation_id, name, description, phases, offer_type, target_groups, languages, districts, free_of_charge, capacity_available, hsds)
    select o.id, 'Angebot ' || o.name || ' ' || g, 'Beschreibung ' || g, '{2,3}', 'berufssprachkurs',
           '{refugees}', '{de,ar}', '{15003}', true, g % 20,
           jsonb_build_object('email', 'kurs' || g || '@traeger.example')
    from organisations o cross join generate_series(1, 200) g`);
  await db.execute(sql`
    insert into locations (organisation_id, name, street, postcode, city, district_ags)
    select id, 'Standort ' || name, 'Hauptstraße 1', '39104', 'Magdeburg', '15003' from organisations`);
  await db.execute(sql`
    insert into offer_locations (offer_id, location_id)
    select f.id, l.id from offers f join locations l on l.organisation_id = f.organisation_id`);
}

describe("HSDS export at scale", () => {
  it("exports 10,000 offers in seconds, and the file imports back unchanged", async () => {
    await seedLargeDirectory();
    const chunks: string[] = [];
    const started = performance.now();
    const result = await exportHsds({
      db,
      write: async (c) => {
        chunks.push(c);
      },
    });
    const exportMs = performance.now() - started;
    expect(result).toEqual({ organizations: 50, services: 10_000 });
    expect(exportMs).toBeLessThan(15_000);

    const doc = JSON.parse(chunks.join(""));
    expect(doc.total_items).toBe(50);
    // The schema check of a sample keeps the test quick; every object has the same shape.
    for (const org of doc.contents.slice(0, 3)) expect(hsdsErrors("organization", org)).toEqual([]);

    const importStarted = performance.now();
    const report = await importHsds({ db, document: doc, dryRun: false, updatedBy: "import:cli" });
    expect(performance.now() - importStarted).toBeLessThan(30_000);
    expect(report.counts).toMatchObject({ create: 0, update: 0, reject: 0 });
    console.log(
      `export ${Math.round(exportMs)} ms, import ${Math.round(performance.now() - importStarted)} ms`,
    );
  }, 120_000);
});
