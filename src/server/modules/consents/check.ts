import { and, eq, isNull, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Tx } from "#server/db/client.ts";
import { AppError } from "#server/platform/errors.ts";
import type { ConsentPurpose } from "#shared/cases.ts";
import { consents } from "./tables.ts";

/**
 * What other modules use of consents: the check at the moment of use, and the hook point for
 * reacting to a withdrawal. Whatever needs a consent (a referral, sharing a profile) calls
 * `assertConsent` inside its own transaction, right before it acts.
 */

export type ConsentRow = typeof consents.$inferSelect;
export type ConsentNeed = {
  clientId: string;
  purpose: ConsentPurpose;
  /** The receiving organisation, for the purposes that name one. */
  recipientOrganisationId?: string | null;
};

/**
 * The client's active consent for the purpose (and recipient), or null. The row is locked FOR
 * SHARE: a withdrawal running at the same time waits for the caller's transaction, and a caller
 * that waited on a withdrawal sees it withdrawn — so nothing is shared after the withdrawal.
 */
export async function activeConsent(db: Tx, need: ConsentNeed): Promise<ConsentRow | null> {
  const recipient = need.recipientOrganisationId ?? null;
  const [row] = await db
    .select()
    .from(consents)
    .where(
      and(
        eq(consents.clientId, need.clientId),
        eq(consents.purpose, need.purpose),
        recipient === null
          ? isNull(consents.recipientOrganisationId)
          : eq(consents.recipientOrganisationId, recipient),
        isNull(consents.withdrawnAt),
      ),
    )
    .limit(1)
    .for("share");
  return row ?? null;
}

/** Like `activeConsent`, but a missing consent is a translated 422 `consent.missing`. */
export async function assertConsent(db: Tx, need: ConsentNeed): Promise<ConsentRow> {
  const row = await activeConsent(db, need);
  if (!row) throw new AppError(422, "consent.missing");
  return row;
}

export type ConsentWithdrawal = {
  consent: ConsentRow;
  actorUserId: string;
  requestId: string;
};
export type ConsentWithdrawnListener = (tx: Tx, withdrawal: ConsentWithdrawal) => Promise<void>;

/**
 * Callbacks run inside the withdrawal's transaction, after the consent is marked withdrawn: the
 * referral module withdraws open referrals here, so a withdrawal and its effects commit together
 * (or, if a listener fails, not at all).
 */
export const consentWithdrawnListeners: ConsentWithdrawnListener[] = [];

/** Registers a listener for withdrawals; returns a function that removes it again. */
export function onConsentWithdrawn(listener: ConsentWithdrawnListener): () => void {
  consentWithdrawnListeners.push(listener);
  return () => {
    const at = consentWithdrawnListeners.indexOf(listener);
    if (at >= 0) consentWithdrawnListeners.splice(at, 1);
  };
}

/**
 * SQL: the client whose id is in `clientId` has an active consent to counselling documentation
 * that covers special categories — the cases module's special-data rule asks this (extensions.ts).
 */
export const documentationConsentSql = (clientId: AnyPgColumn) =>
  sql<boolean>`exists (select 1 from ${consents} where ${consents.clientId} = ${clientId} and ${consents.purpose} = 'counselling_documentation' and ${consents.withdrawnAt} is null and 'special_categories' = any(${consents.dataCategories}))`;
