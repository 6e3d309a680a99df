import { inArray, type SQL, sql } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { berlinDay } from "#server/modules/interfaces/working-days.ts";
import { invalidField } from "#server/platform/errors.ts";
import type { Actor } from "#server/platform/session.ts";
import { organisations } from "#server/platform/tables.ts";
import { partyScope } from "#server/platform/tenancy.ts";
import type { AnalyticsQuery } from "#shared/contracts/analytics.ts";

/**
 * The period, scope and filters every analytics query shares. Scope lives in the SQL: the
 * coordination sees the network, anyone else only referrals their organisation sent or received.
 */

export type Period = { from: string; to: string };
const DAY_MS = 86_400_000;
const shift = (day: string, days: number) =>
  new Date(new Date(`${day}T00:00:00Z`).getTime() + days * DAY_MS).toISOString().slice(0, 10);

/** The period asked for (default: the year up to today) and the one of equal length before it. */
export function periods(query: AnalyticsQuery): { current: Period; previous: Period } {
  const to = query.to ?? berlinDay();
  const from = query.from ?? shift(to, -364);
  if (from > to) throw invalidField("from", "analytics.period_invalid");
  const length = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;
  return { current: { from, to }, previous: { from: shift(from, -length), to: shift(from, -1) } };
}

/** Start of a Berlin day and start of the day after another, as timestamptz SQL. */
export const dayStart = (day: string) => sql`(${day}::date::timestamp at time zone 'Europe/Berlin')`;
export const dayEnd = (day: string) => sql`((${day}::date + 1)::timestamp at time zone 'Europe/Berlin')`;

/**
 * Conditions on a row of facts or events (alias `t`, with from/to organisation, offer id and type):
 * the actor's scope and the filters, except the period.
 */
export function scopeAndFilters(actor: Actor, query: AnalyticsQuery, t: string): SQL {
  const col = (name: string) => sql.raw(`${t}.${name}`);
  const parts: SQL[] = [];
  const scope = partyScope(actor, col("from_organisation_id"), col("to_organisation_id"));
  if (scope) parts.push(scope);
  if (query.offerType) parts.push(sql`${col("offer_type")} = ${query.offerType}`);
  if (query.phase) {
    parts.push(
      sql`exists (select 1 from offers o where o.id = ${col("offer_id")} and ${query.phase}::smallint = any(o.phases))`,
    );
  }
  if (query.district) {
    parts.push(
      sql`exists (select 1 from organisations g where g.id in (${col("from_organisation_id")}, ${col("to_organisation_id")}) and g.district_ags = ${query.district})`,
    );
  }
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

/**
 * Runs analytics queries in a transaction of their own with room to sort: percentiles and the
 * Sankey's window sort a few hundred thousand rows, in memory rather than on disk.
 */
export function withMemory<T>(db: Tx, read: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '64MB'`);
    return read(tx);
  });
}

/** A number from SQL (numeric arrives as a string), or null. */
export const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
/** Rounded to two decimals, for hours and scores. */
export const round2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
/** Rounded to four decimals, for rates. */
export const round4 = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 10_000);

/** The organisations a figure names (name, type, district), by id; none asked, none read. */
export async function organisationsById(db: Tx, ids: string[]) {
  const rows = ids.length
    ? await db
        .select({
          id: organisations.id,
          name: organisations.name,
          type: organisations.type,
          districtAgs: organisations.districtAgs,
        })
        .from(organisations)
        .where(inArray(organisations.id, ids))
    : [];
  return new Map(rows.map((o) => [o.id, o]));
}
