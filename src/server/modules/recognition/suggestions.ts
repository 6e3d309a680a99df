import { and, arrayContains, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { clients } from "#server/modules/cases/tables.ts";
import { offers } from "#server/modules/offers/tables.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { organisations } from "#server/platform/tables.ts";
import type { Suggestions } from "#shared/contracts/recognition.ts";
import type { OfferType } from "#shared/directory.ts";
import { DISTRICT_KEYS } from "#shared/domain.ts";
import {
  DECISIONS_WITH_DIFFERENCES,
  type DifferenceKind,
  OFFER_TYPES_FOR_DIFFERENCE,
  type RecognitionDecision,
} from "#shared/recognition.ts";
import { loadProcedure } from "./procedures.ts";

/** How many offers are suggested for one difference at most. */
const PER_DIFFERENCE = 8;
/** The phase of the IQ process chain in which qualification happens. */
const QUALIFICATION_PHASE = 3;

/** Where the client lives; without a district on record, where the counselling organisation is. */
async function districtFor(db: Tx, clientId: string, organisationId: string): Promise<string | null> {
  const [row] = await db
    .select({ client: clients.districtAgs, organisation: organisations.districtAgs })
    .from(clients)
    .innerJoin(organisations, eq(organisations.id, organisationId))
    .where(eq(clients.id, clientId));
  return row?.client ?? row?.organisation ?? null;
}

/**
 * Active offers of the directory that can close a difference: of an offer type for its kind, in
 * phase 3, for the procedure's occupation field (or for any field) and given in the client's
 * district (or in the whole state). Best first: own field before any field, own district before
 * statewide, then the offer types in the order the kind prefers them.
 */
async function offersFor(db: Tx, opts: { kind: DifferenceKind; field: string; district: string | null }) {
  const types = OFFER_TYPES_FOR_DIFFERENCE[opts.kind] as readonly OfferType[];
  const statewide = arrayContains(offers.districts, [...DISTRICT_KEYS]);
  const inField = arrayContains(offers.occupationFields, [opts.field]);
  const inDistrict: SQL = opts.district
    ? sql`(${arrayContains(offers.districts, [opts.district])} and not ${statewide})`
    : sql`false`;
  const typeRank = sql.join(
    [sql`case ${offers.offerType}`, ...types.map((t, i) => sql`when ${t} then ${i}`), sql`end`],
    sql` `,
  );
  return db
    .select({
      id: offers.id,
      name: offers.name,
      organisationName: organisations.name,
      offerType: offers.offerType,
      districts: offers.districts,
      phases: offers.phases,
      matchesOccupationField: sql<boolean>`${inField}`.as("matches_field"),
      matchesDistrict: sql<boolean>`${inDistrict}`.as("matches_district"),
    })
    .from(offers)
    .innerJoin(organisations, eq(organisations.id, offers.organisationId))
    .where(
      and(
        eq(offers.status, "active"),
        eq(organisations.status, "active"),
        inArray(offers.offerType, [...types]),
        arrayContains(offers.phases, [QUALIFICATION_PHASE]),
        sql`(${inField} or cardinality(${offers.occupationFields}) = 0)`,
        sql`(${inDistrict} or ${statewide})`,
      ),
    )
    .orderBy(
      desc(sql`matches_field`),
      desc(sql`matches_district`),
      typeRank,
      asc(offers.name),
      asc(offers.id),
    )
    .limit(PER_DIFFERENCE);
}

/** Offers of the directory for each substantial difference of a partial or negative decision. */
export async function suggestOffers(ctx: Ctx & { id: string }): Promise<Suggestions> {
  return ctx.db.transaction(async (tx) => {
    const { row, procedure } = await loadProcedure({ ...ctx, db: tx }, ctx.id);
    const withDifferences =
      procedure.decision !== null &&
      DECISIONS_WITH_DIFFERENCES.includes(procedure.decision as RecognitionDecision);
    const items: Suggestions["items"] = [];
    if (withDifferences) {
      const district = await districtFor(tx, row.clientId, row.organisationId);
      for (const difference of procedure.differences) {
        const found = await offersFor(tx, {
          kind: difference.kind,
          field: procedure.referenceOccupation.field,
          district,
        });
        items.push({
          differenceId: difference.id,
          kind: difference.kind,
          description: difference.description,
          offers: found.map((o) => ({
            ...o,
            offerType: o.offerType as OfferType,
            phases: [...o.phases].sort((a, b) => a - b),
          })),
        });
      }
    }
    await audit(tx, ctx, {
      action: "recognition.suggestion.list",
      entity: "recognition_procedure",
      entityId: row.id,
      organisationId: row.organisationId,
      details: { differences: items.length, offers: items.reduce((n, i) => n + i.offers.length, 0) },
    });
    return { items };
  });
}
