import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Tx } from "#server/db/client.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { AppError, invalidField, notFound } from "#server/platform/errors.ts";
import { containsPattern } from "#server/platform/like.ts";
import type { Actor } from "#server/platform/session.ts";
import { organisations } from "#server/platform/tables.ts";
import { staleVersion } from "#server/platform/versioning.ts";
import type {
  Interface,
  InterfaceInput,
  InterfaceListQuery,
  InterfaceUpdate,
} from "#shared/contracts/interfaces.ts";
import { maintainsInterface } from "./policy.ts";
import { interfaces } from "./tables.ts";

const fromOrg = alias(organisations, "from_org");
const toOrg = alias(organisations, "to_org");
const interfaceSelect = {
  row: interfaces,
  fromName: fromOrg.name,
  toName: toOrg.name,
} as const;
type InterfaceRow = { row: typeof interfaces.$inferSelect; fromName: string; toName: string };

/** The fields of an interface a user edits; the audit log names the changed ones, never their values. */
const EDITABLE = [
  "fromUnit",
  "toUnit",
  "scope",
  "agreementWhat",
  "agreementHow",
  "channel",
  "fromContact",
  "toContact",
  "answerWithinDays",
  "completeWithinDays",
  "status",
] as const;

function present({ row, fromName, toName }: InterfaceRow, actor: Actor): Interface {
  return {
    id: row.id,
    from: { id: row.fromOrganisationId, name: fromName },
    to: { id: row.toOrganisationId, name: toName },
    fromUnit: row.fromUnit,
    toUnit: row.toUnit,
    scope: row.scope,
    agreementWhat: row.agreementWhat,
    agreementHow: row.agreementHow,
    channel: row.channel,
    fromContact: row.fromContact,
    toContact: row.toContact,
    answerWithinDays: row.answerWithinDays,
    completeWithinDays: row.completeWithinDays,
    status: row.status as "active" | "inactive",
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: { update: maintainsInterface(actor, row) },
  };
}

function selectInterfaces(db: Tx) {
  return db
    .select(interfaceSelect)
    .from(interfaces)
    .innerJoin(fromOrg, eq(fromOrg.id, interfaces.fromOrganisationId))
    .innerJoin(toOrg, eq(toOrg.id, interfaces.toOrganisationId));
}

async function loadInterface(db: Tx, id: string, opts: { lock?: boolean } = {}): Promise<InterfaceRow> {
  const query = selectInterfaces(db).where(eq(interfaces.id, id));
  const [row] = opts.lock ? await query.for("update", { of: interfaces }) : await query;
  if (!row) throw notFound();
  return row;
}

/** Whether an error is PostgreSQL's unique violation on the named index (Drizzle wraps it in `cause`). */
function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e = error as { code?: string; constraint?: string; cause?: unknown } | undefined; e; ) {
    if (e.code === "23505") return e.constraint === constraint;
    e = e.cause as typeof e;
  }
  return false;
}
const PAIR_INDEX = "interfaces_pair_unique";
const exists = () => new AppError(409, "interface.exists");

/** The rules a stored interface keeps, checked on the values after a create or an update. */
function assertShape(v: {
  fromOrganisationId: string;
  toOrganisationId: string;
  fromUnit: string;
  toUnit: string;
  scope: string;
  answerWithinDays: number;
  completeWithinDays: number;
}) {
  const sameOrganisation = v.fromOrganisationId === v.toOrganisationId;
  // An interface between two organisations is external; one inside an organisation never is.
  if ((v.scope === "external") === sameOrganisation) throw invalidField("scope", "interface.scope_mismatch");
  if (sameOrganisation && v.fromUnit === v.toUnit) throw invalidField("toUnit", "interface.same_unit");
  if (v.completeWithinDays < v.answerWithinDays)
    throw invalidField("completeWithinDays", "interface.complete_before_answer");
}

/** The whole register, filtered by organisation, name and status; readable by every member. */
export async function listInterfaces(ctx: Ctx & { query: z.infer<typeof InterfaceListQuery> }) {
  const { organisationId, q, status, limit, offset } = ctx.query;
  const filters: (SQL | undefined)[] = [
    organisationId
      ? or(eq(interfaces.fromOrganisationId, organisationId), eq(interfaces.toOrganisationId, organisationId))
      : undefined,
    q ? or(ilike(fromOrg.name, containsPattern(q)), ilike(toOrg.name, containsPattern(q))) : undefined,
    status ? eq(interfaces.status, status) : undefined,
  ];
  const where = and(...filters);
  const rows = await selectInterfaces(ctx.db)
    .where(where)
    .orderBy(asc(fromOrg.name), asc(toOrg.name), asc(interfaces.fromUnit), asc(interfaces.toUnit))
    .limit(limit)
    .offset(offset);
  const [total] = await ctx.db
    .select({ n: count() })
    .from(interfaces)
    .innerJoin(fromOrg, eq(fromOrg.id, interfaces.fromOrganisationId))
    .innerJoin(toOrg, eq(toOrg.id, interfaces.toOrganisationId))
    .where(where);
  return { items: rows.map((r) => present(r, ctx.actor)), total: total?.n ?? 0 };
}

export async function getInterface(ctx: Ctx & { id: string }): Promise<Interface> {
  return present(await loadInterface(ctx.db, ctx.id), ctx.actor);
}

/** Registers an interface; an admin only for a pair their organisation is part of. */
export async function createInterface(
  ctx: Ctx & { input: z.output<typeof InterfaceInput> },
): Promise<Interface> {
  const input = ctx.input;
  if (!maintainsInterface(ctx.actor, input))
    throw invalidField("fromOrganisationId", "interface.not_own_side");
  const ids = [...new Set([input.fromOrganisationId, input.toOrganisationId])];
  const found = await ctx.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(inArray(organisations.id, ids));
  const known = new Set(found.map((o) => o.id));
  for (const field of ["fromOrganisationId", "toOrganisationId"] as const)
    if (!known.has(input[field])) throw invalidField(field, "interface.organisation_unknown");
  assertShape(input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(interfaces)
      .values(input)
      .onConflictDoNothing({
        target: [
          interfaces.fromOrganisationId,
          interfaces.toOrganisationId,
          interfaces.fromUnit,
          interfaces.toUnit,
        ],
      })
      .returning({ id: interfaces.id });
    if (!row) throw exists();
    await audit(tx, ctx, {
      action: "interface.create",
      entity: "interface",
      entityId: row.id,
      organisationId: input.fromOrganisationId,
      details: {
        toOrganisationId: input.toOrganisationId,
        fields: EDITABLE.filter((f) => input[f] !== undefined && input[f] !== null && input[f] !== ""),
      },
    });
    return present(await loadInterface(tx, row.id), ctx.actor);
  });
}

/**
 * Changes an interface on the version the editor loaded (If-Match). An admin of neither side finds
 * no interface to change (404), as with any record out of their scope.
 */
export async function updateInterface(
  ctx: Ctx & { id: string; expectedVersion: number; change: InterfaceUpdate },
): Promise<Interface> {
  return ctx.db.transaction(async (tx) => {
    const { row: before } = await loadInterface(tx, ctx.id, { lock: true });
    if (!maintainsInterface(ctx.actor, before)) throw notFound();
    if (before.version !== ctx.expectedVersion) throw staleVersion();
    const next = { ...before };
    for (const field of EDITABLE) {
      const value = ctx.change[field];
      if (value !== undefined) Object.assign(next, { [field]: value });
    }
    assertShape(next);
    const fields = EDITABLE.filter((f) => next[f] !== before[f]);
    if (fields.length === 0) return present(await loadInterface(tx, ctx.id), ctx.actor);
    const values = Object.fromEntries(fields.map((f) => [f, next[f]]));
    try {
      // A savepoint, so that a unit change that collides with another interface answers 409.
      await tx.transaction((sp) =>
        sp
          .update(interfaces)
          .set({ ...values, version: sql`${interfaces.version} + 1`, updatedAt: sql`now()` })
          .where(eq(interfaces.id, ctx.id)),
      );
    } catch (error) {
      if (isUniqueViolation(error, PAIR_INDEX)) throw exists();
      throw error;
    }
    await audit(tx, ctx, {
      action: "interface.update",
      entity: "interface",
      entityId: ctx.id,
      organisationId: before.fromOrganisationId,
      details: { toOrganisationId: before.toOrganisationId, fields },
    });
    return present(await loadInterface(tx, ctx.id), ctx.actor);
  });
}
