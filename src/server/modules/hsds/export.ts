import { and, asc, count, eq, gt } from "drizzle-orm";
import type { Db } from "#server/db/client.ts";
import { offers } from "#server/modules/offers/tables.ts";
import { organisations } from "#server/platform/tables.ts";
import { organizationsFor } from "./bundles.ts";

const BATCH = 200;

/**
 * Writes the public directory as one HSDS 3.0 page object: every active organisation, fully
 * nested with its locations and services. Organisations are read in batches of 200 and each batch's
 * related records a table at a time, so memory stays flat and 10,000 offers take seconds.
 */
export async function exportHsds(opts: {
  db: Db;
  write: (chunk: string) => Promise<void>;
  onProgress?: (done: number, total: number) => void;
}): Promise<{ organizations: number; services: number }> {
  const { db } = opts;
  const active = eq(organisations.status, "active");
  const [orgCount] = await db.select({ n: count() }).from(organisations).where(active);
  const [offerCount] = await db
    .select({ n: count() })
    .from(offers)
    .innerJoin(organisations, eq(organisations.id, offers.organisationId))
    .where(active);
  const total = orgCount?.n ?? 0;
  const totalServices = offerCount?.n ?? 0;
  await opts.write(
    `{"total_items":${total},"total_pages":1,"page_number":1,"size":${total},"first_page":true,"last_page":true,"empty":${total === 0},"contents":[\n`,
  );
  let last: string | undefined;
  let written = 0;
  let services = 0;
  opts.onProgress?.(0, totalServices);
  for (;;) {
    const rows = await db
      .select()
      .from(organisations)
      .where(and(active, last ? gt(organisations.id, last) : undefined))
      .orderBy(asc(organisations.id))
      .limit(BATCH);
    if (rows.length === 0) break;
    last = rows[rows.length - 1]?.id;
    const batch = await organizationsFor(db, rows, { locations: true, services: "full" });
    const text = batch.map((o) => JSON.stringify(o)).join(",\n");
    await opts.write(`${written > 0 ? ",\n" : ""}${text}`);
    written += batch.length;
    services += batch.reduce((n, o) => n + (Array.isArray(o.services) ? o.services.length : 0), 0);
    opts.onProgress?.(services, totalServices);
  }
  await opts.write("\n]}\n");
  return { organizations: written, services };
}
