import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { invalidField } from "#server/platform/errors.ts";
import type { ReferralSettings } from "#shared/contracts/interfaces.ts";
import { interfaces, referralSettings } from "./tables.ts";

/** The defaults of the migration, should the single settings row ever be missing. */
const FALLBACK: ReferralSettings = {
  answerWithinDays: 5,
  completeWithinDays: 30,
  expireAfterDays: 10,
  dueSoonDays: 2,
};

/** The network's referral settings: defaults for pairs without an interface, expiry, "due soon". */
export async function loadReferralSettings(db: Tx): Promise<ReferralSettings> {
  const [row] = await db.select().from(referralSettings).where(eq(referralSettings.id, 1));
  if (!row) return FALLBACK;
  return {
    answerWithinDays: row.answerWithinDays,
    completeWithinDays: row.completeWithinDays,
    expireAfterDays: row.expireAfterDays,
    dueSoonDays: row.dueSoonDays,
  };
}

/** Replaces the network defaults (coordination only, by the route's permission). */
export async function updateReferralSettings(ctx: Ctx & { input: ReferralSettings }) {
  const input = ctx.input;
  if (input.completeWithinDays < input.answerWithinDays)
    throw invalidField("completeWithinDays", "interface.complete_before_answer");
  return ctx.db.transaction(async (tx) => {
    const before = await loadReferralSettings(tx);
    await tx
      .insert(referralSettings)
      .values({ id: 1, ...input })
      .onConflictDoUpdate({ target: referralSettings.id, set: { ...input, updatedAt: sql`now()` } });
    await audit(tx, ctx, {
      action: "referral_settings.update",
      entity: "referral_settings",
      organisationId: null,
      details: {
        fields: (Object.keys(input) as (keyof ReferralSettings)[]).filter((f) => input[f] !== before[f]),
      },
    });
    return loadReferralSettings(tx);
  });
}

export type ResolvedInterface = {
  interface: typeof interfaces.$inferSelect | null;
  answerWithinDays: number;
  completeWithinDays: number;
  /** No active interface between the two: the network defaults apply. */
  withoutInterface: boolean;
};

/**
 * The agreed times of a referral from one organisation to another: those of the active
 * organisation-level interface (no units), else of any active interface of the pair, else the
 * network defaults, flagged so that the analytics can tell referrals without an agreement apart.
 */
export async function resolveInterface(
  db: Tx,
  fromOrganisationId: string,
  toOrganisationId: string,
): Promise<ResolvedInterface> {
  const [found] = await db
    .select()
    .from(interfaces)
    .where(
      and(
        eq(interfaces.fromOrganisationId, fromOrganisationId),
        eq(interfaces.toOrganisationId, toOrganisationId),
        eq(interfaces.status, "active"),
      ),
    )
    .orderBy(
      sql`(${interfaces.fromUnit} = '' and ${interfaces.toUnit} = '') desc`,
      asc(interfaces.createdAt),
      asc(interfaces.id),
    )
    .limit(1);
  if (found)
    return {
      interface: found,
      answerWithinDays: found.answerWithinDays,
      completeWithinDays: found.completeWithinDays,
      withoutInterface: false,
    };
  const defaults = await loadReferralSettings(db);
  return {
    interface: null,
    answerWithinDays: defaults.answerWithinDays,
    completeWithinDays: defaults.completeWithinDays,
    withoutInterface: true,
  };
}
