import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "#server/db/client.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { AppError, invalidField, notFound } from "#server/platform/errors.ts";
import type { Actor } from "#server/platform/session.ts";
import { memberships, users } from "#server/platform/tables.ts";
import { caseScope, mayReadSpecial, ownOrganisation } from "#server/platform/tenancy.ts";
import { staleVersion } from "#server/platform/versioning.ts";
import type { Case, CaseCreate, CaseUpdate } from "#shared/contracts/cases.ts";
import { findDuplicates, insertClient, loadClient } from "./clients.ts";
import { recordCaseEvent } from "./events.ts";
import { caseAbilities } from "./policy.ts";
import { withNewPseudonym } from "./pseudonym.ts";
import {
  documentationConsentSql,
  presentSpecialData,
  type SpecialFields,
  specialNotesSql,
} from "./special-data.ts";
import { cases, clients } from "./tables.ts";

type CaseCreateInput = z.output<typeof CaseCreate>;

/** Roles a case can be assigned to: the people who document counselling. */
export const ASSIGNABLE_ROLES = ["counsellor", "volunteer"] as const;

/** The columns of a case as presented; a function, as the consent condition comes from consents. */
const caseSelect = () => ({
  case: cases,
  client: {
    id: clients.id,
    name: clients.name,
    pseudonym: clients.pseudonym,
    preferredLanguages: clients.preferredLanguages,
    districtAgs: clients.districtAgs,
  },
  assigneeName: users.name,
  // Read for the special-data warning; presented only to those who may see special categories.
  special: {
    healthNote: clients.healthNote,
    religion: clients.religion,
    ethnicOrigin: clients.ethnicOrigin,
    specialPurpose: clients.specialPurpose,
    specialLegalBasis: clients.specialLegalBasis,
  },
  specialNotes: specialNotesSql,
  documentationConsent: documentationConsentSql(),
});
type CaseRow = {
  case: typeof cases.$inferSelect;
  client: Case["client"];
  assigneeName: string | null;
  special: SpecialFields;
  specialNotes: number;
  documentationConsent: boolean;
};

export function presentCase(row: CaseRow, actor: Actor): Case {
  const c = row.case;
  return {
    id: c.id,
    organisationId: c.organisationId,
    pseudonym: c.pseudonym,
    client: row.client,
    status: c.status,
    outcome: c.outcome,
    phase: c.phase,
    goals: c.goals,
    assignee: c.assigneeUserId ? { id: c.assigneeUserId, name: row.assigneeName ?? "" } : null,
    openedAt: c.openedAt.toISOString(),
    closedAt: c.closedAt?.toISOString() ?? null,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    abilities: caseAbilities(actor, c),
    specialData: mayReadSpecial(actor)
      ? presentSpecialData(row.special, row.specialNotes, row.documentationConsent)
      : null,
  };
}

/** A case the actor may see, with its client and assignee; anything else answers 404. */
export async function loadCase(db: Tx, actor: Actor, id: string): Promise<CaseRow> {
  const [row] = await db
    .select(caseSelect())
    .from(cases)
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .leftJoin(users, eq(users.id, cases.assigneeUserId))
    .where(and(eq(cases.id, id), caseScope(actor)));
  if (!row) throw notFound();
  return row;
}

/** An assignee must be an active counsellor or volunteer of the case's organisation. */
async function assertAssignable(db: Tx, organisationId: string, userId: string) {
  const [member] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.organisationId, organisationId),
        eq(memberships.status, "active"),
        eq(users.status, "active"),
        inArray(memberships.role, [...ASSIGNABLE_ROLES]),
      ),
    );
  if (!member) throw invalidField("assigneeUserId", "case.assignee_invalid");
}

/**
 * Opens a case for a client of the organisation or for a new client. A new client that looks like
 * a record the organisation already has is refused with 409 until the counsellor confirms it is
 * someone else, so that one person does not end up with two files.
 */
export async function createCase(ctx: Ctx & { input: CaseCreateInput }): Promise<Case> {
  const { input, actor } = ctx;
  const assigneeUserId = input.assigneeUserId === undefined ? actor.userId : input.assigneeUserId;
  return ctx.db.transaction(async (tx) => {
    if (assigneeUserId) await assertAssignable(tx, actor.organisationId, assigneeUserId);
    let clientId: string;
    if (input.clientId) {
      const existing = await loadClient(tx, actor, input.clientId).catch((error: unknown) => {
        throw error instanceof AppError && error.status === 404
          ? invalidField("clientId", "case.client_unknown")
          : error;
      });
      clientId = existing.id;
    } else if (input.client) {
      const { confirmNotDuplicate, ...clientInput } = input.client;
      if (!confirmNotDuplicate) {
        const candidates = await findDuplicates(tx, actor, clientInput);
        if (candidates.length > 0) throw new AppError(409, "client.possible_duplicate");
      }
      clientId = (await insertClient(tx, ctx, clientInput, "client.")).id;
    } else {
      throw invalidField("clientId", "case.client_unknown");
    }
    const created = await withNewPseudonym(tx, "F", "cases_pseudonym_unique", async (db, pseudonym) => {
      const [row] = await db
        .insert(cases)
        .values({
          organisationId: actor.organisationId,
          clientId,
          pseudonym,
          phase: input.phase,
          goals: input.goals ?? null,
          assigneeUserId,
          createdBy: actor.userId,
        })
        .returning({ id: cases.id });
      if (!row) throw new Error("case not created");
      return row;
    });
    await recordCaseEvent(tx, {
      caseId: created.id,
      kind: "case_opened",
      actorUserId: actor.userId,
      details: { phase: input.phase, assigneeUserId },
    });
    await audit(tx, ctx, {
      action: "case.create",
      entity: "case",
      entityId: created.id,
      organisationId: actor.organisationId,
      details: { clientId, newClient: input.client !== undefined },
    });
    return presentCase(await loadCase(tx, actor, created.id), actor);
  });
}

/** One case; every read is in the audit log. */
export async function getCase(ctx: Ctx & { id: string }): Promise<Case> {
  const row = await loadCase(ctx.db, ctx.actor, ctx.id);
  await audit(ctx.db, ctx, {
    action: "case.read",
    entity: "case",
    entityId: row.case.id,
    organisationId: row.case.organisationId,
  });
  return presentCase(row, ctx.actor);
}

/** The column values of a case change after the status rules: a closed case has an outcome. */
function nextCaseValues(before: typeof cases.$inferSelect, change: CaseUpdate) {
  const status = change.status ?? before.status;
  const closing = status === "closed" && before.status !== "closed";
  const reopening = status !== "closed" && before.status === "closed";
  let outcome = change.outcome !== undefined ? change.outcome : before.outcome;
  if (reopening && change.outcome === undefined) outcome = null;
  if (status === "closed" && !outcome) throw invalidField("outcome", "case.outcome_required");
  if (status !== "closed" && outcome) throw invalidField("outcome", "case.outcome_only_when_closed");
  return {
    status,
    outcome,
    phase: change.phase ?? before.phase,
    goals: change.goals !== undefined ? change.goals : before.goals,
    assigneeUserId: change.assigneeUserId !== undefined ? change.assigneeUserId : before.assigneeUserId,
    closedAt: closing ? new Date() : reopening ? null : before.closedAt,
  };
}

/**
 * Changes status, phase, goals or assignee on the version the counsellor loaded (If-Match). Of two
 * saves based on the same version exactly one wins; the row lock of the first update makes the
 * second re-check the version and find it gone (412).
 */
export async function updateCase(
  ctx: Ctx & { id: string; expectedVersion: number; change: CaseUpdate },
): Promise<Case> {
  return ctx.db.transaction(async (tx) => {
    const { case: before } = await loadCase(tx, ctx.actor, ctx.id);
    const next = nextCaseValues(before, ctx.change);
    const fields = (["status", "outcome", "phase", "goals", "assigneeUserId"] as const).filter(
      (f) => next[f] !== before[f],
    );
    if (fields.length === 0) {
      if (before.version !== ctx.expectedVersion) throw staleVersion();
      return presentCase(await loadCase(tx, ctx.actor, ctx.id), ctx.actor);
    }
    if (fields.includes("assigneeUserId") && next.assigneeUserId)
      await assertAssignable(tx, before.organisationId, next.assigneeUserId);
    const updated = await tx
      .update(cases)
      .set({ ...next, version: sql`${cases.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(cases.id, ctx.id), eq(cases.version, ctx.expectedVersion)))
      .returning({ id: cases.id });
    if (updated.length === 0) throw staleVersion();
    const event = (kind: Parameters<typeof recordCaseEvent>[1]["kind"], details: Record<string, unknown>) =>
      recordCaseEvent(tx, { caseId: ctx.id, kind, actorUserId: ctx.actor.userId, details });
    if (fields.includes("status") || fields.includes("outcome"))
      await event("status_changed", { from: before.status, to: next.status, outcome: next.outcome });
    if (fields.includes("phase")) await event("phase_changed", { from: before.phase, to: next.phase });
    if (fields.includes("assigneeUserId"))
      await event("assigned", { from: before.assigneeUserId, to: next.assigneeUserId });
    if (fields.includes("goals")) await event("goals_changed", {});
    await audit(tx, ctx, {
      action: "case.update",
      entity: "case",
      entityId: ctx.id,
      organisationId: before.organisationId,
      details: { fields },
    });
    return presentCase(await loadCase(tx, ctx.actor, ctx.id), ctx.actor);
  });
}

/** Who a case of the actor's organisation can be assigned to. */
export async function listAssignees(ctx: Ctx) {
  const rows = await ctx.db
    .select({ id: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        ownOrganisation(ctx.actor, memberships.organisationId),
        eq(memberships.status, "active"),
        eq(users.status, "active"),
        inArray(memberships.role, [...ASSIGNABLE_ROLES]),
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
  return { items: rows.map((r) => ({ ...r, role: r.role as (typeof ASSIGNABLE_ROLES)[number] })) };
}
