import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "../../src/server/db/client.ts";
import { referralEvents } from "../../src/server/db/schema.ts";
import { rebuildReferralFacts } from "../../src/server/modules/analytics/facts.ts";
import type { OfferType } from "../../src/shared/directory.ts";
import type { ReferralState } from "../../src/shared/referrals.ts";

/**
 * Hand-made referral histories for the analytics tests: events written straight into the log with
 * chosen times (as the generator's bulk load does), then summarised by the rebuild.
 */

const HOUR = 3_600_000;

export type Step = { to: string; afterHours: number; reason?: string };

/** One referral from → to, sent at `sentAt`, moving through `steps`; answers its case pseudonym. */
export async function plantReferral(
  db: Db,
  opts: {
    from: string;
    to: string;
    sentAt: string;
    steps?: Step[];
    offerId?: string | null;
    offerType?: OfferType | null;
    interfaceId?: string | null;
    casePseudonym?: string;
  },
): Promise<string> {
  const referralId = randomUUID();
  const casePseudonym = opts.casePseudonym ?? `F-${randomBytes(5).toString("hex").toUpperCase()}`;
  const sent = Date.parse(opts.sentAt);
  const common = {
    referralId,
    casePseudonym,
    fromOrganisationId: opts.from,
    toOrganisationId: opts.to,
    offerId: opts.offerId ?? null,
    offerType: opts.offerType === undefined ? "anerkennungsberatung" : opts.offerType,
    interfaceId: opts.interfaceId ?? null,
    actorRole: "counsellor",
  };
  let state: ReferralState = "sent";
  const rows: (typeof referralEvents.$inferInsert)[] = [
    { ...common, fromState: null, toState: "sent", reason: null, at: new Date(sent) },
  ];
  for (const step of opts.steps ?? []) {
    rows.push({
      ...common,
      fromState: state,
      // Tests plant any recorded state; the log column is typed ReferralState.
      toState: step.to as ReferralState,
      reason: step.reason ?? null,
      at: new Date(sent + step.afterHours * HOUR),
    });
    state = step.to as ReferralState;
  }
  await db.insert(referralEvents).values(rows);
  return casePseudonym;
}

/** Summarises the planted events, as after a bulk load. */
export const summarise = (db: Db) => rebuildReferralFacts(db);
