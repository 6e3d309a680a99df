import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { notFound } from "#server/platform/errors.ts";
import type { Actor } from "#server/platform/session.ts";
import { caseScope, clientScope, mayReadSpecial } from "#server/platform/tenancy.ts";
import { staleVersion } from "#server/platform/versioning.ts";
import { ART9_FIELDS, CLIENT_SPECIAL_FIELDS } from "#shared/cases.ts";
import type { Client, ClientInput, ClientUpdate, DuplicateCandidates } from "#shared/contracts/clients.ts";
import { recordCaseEvent } from "./events.ts";
import { clientAbilities } from "./policy.ts";
import { withNewPseudonym } from "./pseudonym.ts";
import { assertSpecialBasis } from "./special-data.ts";
import { cases, clients } from "./tables.ts";

type ClientRow = typeof clients.$inferSelect;
/** Columns hidden from volunteers: a change of one is a special event on the timeline. */
const SPECIAL_COLUMNS: readonly string[] = [...CLIENT_SPECIAL_FIELDS, "specialPurpose", "specialLegalBasis"];
/** Where the purpose and basis of the special categories travel in `special`, and their columns. */
const SPECIAL_BASIS = { purpose: "specialPurpose", legalBasis: "specialLegalBasis" } as const;
const ART9_OR_BASIS: readonly string[] = [...ART9_FIELDS, ...Object.values(SPECIAL_BASIS)];

/**
 * Duplicate detection compares names by trigram similarity (pg_trgm) after lower-casing and
 * folding diacritics, so "Müller, Ahmad", "Ahmad Müller" and "Ahmed Muller" come close (word order
 * does not matter to trigrams). The date of birth decides how close is close enough:
 * - same date of birth: similarity ≥ 0.5 — "Ahmed Muller" scores 0.63 against "Müller, Ahmad",
 *   while another first name with the same surname ("Anna Müller", 0.47) stays below;
 * - a date of birth missing on either side: similarity ≥ 0.8 — only the same name in another order
 *   or spelling of its letters ("Yilmaz"/"Yılmaz");
 * - two different dates of birth: never a duplicate, however alike the names.
 */
export const DUPLICATE_SIMILARITY_SAME_BIRTH = 0.5;
export const DUPLICATE_SIMILARITY_UNKNOWN_BIRTH = 0.8;

/** Lower case without the diacritics that transliterations of one name disagree on. */
const folded = (value: SQL | string) =>
  sql`translate(lower(${value}), 'äöüáàâãåéèêëíìîïóòôõøúùûıçşğñß', 'aouaaaaaeeeeiiiiooooouuuicsgns')`;

function specialOf(row: ClientRow) {
  return {
    residenceStatus: row.residenceStatus,
    healthNote: row.healthNote,
    religion: row.religion,
    ethnicOrigin: row.ethnicOrigin,
    purpose: row.specialPurpose,
    legalBasis: row.specialLegalBasis,
  };
}

/** The client as the actor may see it: special categories only for counsellors. */
export function presentClient(row: ClientRow, actor: Actor): Client {
  return {
    id: row.id,
    organisationId: row.organisationId,
    pseudonym: row.pseudonym,
    name: row.name,
    isPseudonym: row.isPseudonym,
    dateOfBirth: row.dateOfBirth,
    email: row.email,
    phone: row.phone,
    districtAgs: row.districtAgs,
    preferredLanguages: row.preferredLanguages,
    countryOfOrigin: row.countryOfOrigin,
    entryYear: row.entryYear,
    qualificationCountry: row.qualificationCountry,
    gender: row.gender,
    ageBand: row.ageBand,
    special: mayReadSpecial(actor) ? specialOf(row) : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: clientAbilities(actor),
  };
}

/** Column values for the fields present in the input; special fields come out of `special`. */
function clientValues(input: ClientUpdate): Partial<typeof clients.$inferInsert> {
  const { special, ...plain } = input;
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(plain)) if (value !== undefined) values[key] = value ?? null;
  for (const key of CLIENT_SPECIAL_FIELDS) {
    if (special?.[key] !== undefined) values[key] = special[key] ?? null;
  }
  for (const [key, column] of Object.entries(SPECIAL_BASIS)) {
    const value = special?.[key as keyof typeof SPECIAL_BASIS];
    if (value !== undefined) values[column] = value === "" ? null : value;
  }
  return values as Partial<typeof clients.$inferInsert>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Records of the actor's organisation that may be the same person (see the thresholds above). */
export async function findDuplicates(
  db: Tx,
  actor: Actor,
  probe: { name: string; dateOfBirth?: string | null | undefined },
): Promise<DuplicateCandidates["candidates"]> {
  const score = sql<number>`similarity(${folded(sql`${clients.name}`)}, ${folded(probe.name)})`;
  const dob = probe.dateOfBirth ?? null;
  const sameBirth = dob
    ? sql`(${clients.dateOfBirth} = ${dob}::date and ${score} >= ${DUPLICATE_SIMILARITY_SAME_BIRTH})`
    : sql`false`;
  const birthUnknown = dob ? sql`${clients.dateOfBirth} is null` : sql`true`;
  const rows = await db
    .select({
      id: clients.id,
      pseudonym: clients.pseudonym,
      name: clients.name,
      dateOfBirth: clients.dateOfBirth,
    })
    .from(clients)
    .where(
      and(
        clientScope(actor, clients.organisationId, clients.id),
        sql`(${sameBirth} or (${birthUnknown} and ${score} >= ${DUPLICATE_SIMILARITY_UNKNOWN_BIRTH}))`,
      ),
    )
    .orderBy(sql`${score} desc`, asc(clients.id))
    .limit(10);
  if (rows.length === 0) return [];
  const open = await db
    .select({ id: cases.id, clientId: cases.clientId })
    .from(cases)
    .where(
      and(
        inArray(
          cases.clientId,
          rows.map((r) => r.id),
        ),
        inArray(cases.status, ["open", "paused"]),
        caseScope(actor),
      ),
    )
    .orderBy(asc(cases.openedAt), asc(cases.id));
  return rows.map((r) => ({
    ...r,
    openCaseIds: open.filter((c) => c.clientId === r.id).map((c) => c.id),
  }));
}

/** The duplicate check of the new-case form; audited, since it answers names of the organisation. */
export async function checkDuplicates(ctx: Ctx & { probe: { name: string; dateOfBirth?: string | null } }) {
  const candidates = await findDuplicates(ctx.db, ctx.actor, ctx.probe);
  await audit(ctx.db, ctx, {
    action: "client.duplicate_check",
    entity: "client",
    organisationId: ctx.actor.organisationId,
    details: { candidateIds: candidates.map((c) => c.id) },
  });
  return { candidates };
}

/**
 * Creates a client record with a fresh pseudonym, inside the caller's transaction; audited. Art. 9
 * data needs its purpose and legal basis (`fieldPrefix` is where the client sits in the request).
 */
export async function insertClient(
  tx: Tx,
  ctx: Ctx,
  input: ClientInput,
  fieldPrefix = "",
): Promise<ClientRow> {
  const values = clientValues(input);
  assertSpecialBasis(
    {
      healthNote: values.healthNote ?? null,
      religion: values.religion ?? null,
      ethnicOrigin: values.ethnicOrigin ?? null,
      specialPurpose: values.specialPurpose ?? null,
      specialLegalBasis: values.specialLegalBasis ?? null,
    },
    fieldPrefix,
  );
  const row = await withNewPseudonym(tx, "K", "clients_pseudonym_unique", async (db, pseudonym) => {
    const [created] = await db
      .insert(clients)
      .values({
        ...values,
        name: input.name,
        organisationId: ctx.actor.organisationId,
        pseudonym,
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!created) throw new Error("client not created");
    return created;
  });
  await audit(tx, ctx, {
    action: "client.create",
    entity: "client",
    entityId: row.id,
    organisationId: row.organisationId,
    details: { fields: Object.keys(values) },
  });
  return row;
}

/** A client the actor may see; anyone else's answers 404. */
export async function loadClient(db: Tx, actor: Actor, id: string): Promise<ClientRow> {
  const [row] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.id, id), clientScope(actor, clients.organisationId, clients.id)));
  if (!row) throw notFound();
  return row;
}

export async function getClient(ctx: Ctx & { id: string }): Promise<Client> {
  const row = await loadClient(ctx.db, ctx.actor, ctx.id);
  await audit(ctx.db, ctx, {
    action: "client.read",
    entity: "client",
    entityId: row.id,
    organisationId: row.organisationId,
  });
  return presentClient(row, ctx.actor);
}

/** Field names whose values the change really alters (special fields by their own names). */
function changedClientFields(before: ClientRow, values: Partial<typeof clients.$inferInsert>) {
  return Object.entries(values)
    .filter(([key, value]) => !same(before[key as keyof ClientRow], value))
    .map(([key]) => key);
}

/**
 * Changes a client record based on the version the counsellor loaded (If-Match). Each case of the
 * client gets a `client_updated` event; it is special when a special-category field changed, so
 * volunteers do not even learn that such a field exists.
 */
export async function updateClient(
  ctx: Ctx & { id: string; expectedVersion: number; change: ClientUpdate },
): Promise<Client> {
  return ctx.db.transaction(async (tx) => {
    const before = await loadClient(tx, ctx.actor, ctx.id);
    const values = clientValues(ctx.change);
    const fields = changedClientFields(before, values);
    // A record that already held Art. 9 data without a basis stays editable in its other fields (the
    // case warns about it); whoever touches the special categories must state purpose and basis.
    if (fields.some((f) => ART9_OR_BASIS.includes(f)))
      assertSpecialBasis({ ...before, ...values } as ClientRow);
    if (fields.length === 0) {
      if (before.version !== ctx.expectedVersion) throw staleVersion();
      return presentClient(before, ctx.actor);
    }
    const [after] = await tx
      .update(clients)
      .set({ ...values, version: sql`${clients.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(clients.id, ctx.id), eq(clients.version, ctx.expectedVersion)))
      .returning();
    if (!after) throw staleVersion();
    const special = fields.some((f) => SPECIAL_COLUMNS.includes(f));
    const caseIds = await tx.select({ id: cases.id }).from(cases).where(eq(cases.clientId, ctx.id));
    for (const { id } of caseIds) {
      await recordCaseEvent(tx, {
        caseId: id,
        kind: "client_updated",
        actorUserId: ctx.actor.userId,
        subjectId: ctx.id,
        special,
        details: { fields },
      });
    }
    await audit(tx, ctx, {
      action: "client.update",
      entity: "client",
      entityId: ctx.id,
      organisationId: after.organisationId,
      details: { fields },
    });
    return presentClient(after, ctx.actor);
  });
}
