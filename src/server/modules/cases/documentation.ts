import { and, asc, desc, eq, getTableColumns, sql } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { AppError, invalidField, notFound } from "#server/platform/errors.ts";
import type { Actor } from "#server/platform/session.ts";
import { users } from "#server/platform/tables.ts";
import { caseScope, mayReadSpecial, specialScope } from "#server/platform/tenancy.ts";
import type { ContactCreate } from "#shared/contracts/cases.ts";
import { recordCaseEvent } from "./events.ts";
import { caseContacts, caseNotes, cases } from "./tables.ts";

/**
 * What is documented in a case: contacts and notes here, next steps in next-steps.ts. Volunteers
 * document on the cases assigned to them; special-category notes are for counsellors only.
 */

export type ScopedCase = { id: string; organisationId: string; clientId: string; status: string };

/** A case the actor may see (404 otherwise), as the documentation needs it. */
export async function scopedCase(db: Tx, actor: Actor, caseId: string): Promise<ScopedCase> {
  const [row] = await db
    .select({
      id: cases.id,
      organisationId: cases.organisationId,
      clientId: cases.clientId,
      status: cases.status,
    })
    .from(cases)
    .where(and(eq(cases.id, caseId), caseScope(actor)));
  if (!row) throw notFound();
  return row;
}

/** A case the actor may document on: visible and not closed (a closed file is not written to). */
export async function documentableCase(db: Tx, actor: Actor, caseId: string): Promise<ScopedCase> {
  const row = await scopedCase(db, actor, caseId);
  if (row.status === "closed") throw new AppError(422, "case.closed");
  return row;
}

/** Audits a read of a case's documentation: who read which part of which case, and how much. */
export function auditCaseRead(ctx: Ctx, record: ScopedCase, part: string, details: Record<string, unknown>) {
  return audit(ctx.db, ctx, {
    action: `case_${part}.list`,
    entity: "case",
    entityId: record.id,
    organisationId: record.organisationId,
    details,
  });
}

const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? "" } : null);

type ContactRow = typeof caseContacts.$inferSelect & { counsellorName: string | null };
function presentContact(row: ContactRow) {
  return {
    id: row.id,
    date: row.date,
    mode: row.mode,
    durationMinutes: row.durationMinutes,
    counsellingType: row.counsellingType,
    initiatedBy: row.initiatedBy,
    accessRoute: row.accessRoute,
    summary: row.summary,
    counsellor: person(row.counsellorUserId, row.counsellorName),
    createdAt: row.createdAt.toISOString(),
  };
}

const contactSelect = { ...getTableColumns(caseContacts), counsellorName: users.name };

/** The contacts of a case, the latest first. */
export async function listContacts(ctx: Ctx & { caseId: string }) {
  const record = await scopedCase(ctx.db, ctx.actor, ctx.caseId);
  const rows = await ctx.db
    .select(contactSelect)
    .from(caseContacts)
    .leftJoin(users, eq(users.id, caseContacts.counsellorUserId))
    .where(eq(caseContacts.caseId, record.id))
    .orderBy(desc(caseContacts.date), desc(caseContacts.createdAt), asc(caseContacts.id));
  await auditCaseRead(ctx, record, "contact", { ids: rows.map((r) => r.id) });
  return { items: rows.map(presentContact) };
}

/** Documents a counselling contact by the actor. */
export async function createContact(ctx: Ctx & { caseId: string; input: ContactCreate }) {
  return ctx.db.transaction(async (tx) => {
    const record = await documentableCase(tx, ctx.actor, ctx.caseId);
    const [row] = await tx
      .insert(caseContacts)
      .values({
        ...ctx.input,
        accessRoute: ctx.input.accessRoute ?? null,
        summary: ctx.input.summary ?? null,
        caseId: record.id,
        counsellorUserId: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error("contact not created");
    await recordCaseEvent(tx, {
      caseId: record.id,
      kind: "contact_added",
      actorUserId: ctx.actor.userId,
      subjectId: row.id,
      details: { mode: row.mode, counsellingType: row.counsellingType, date: row.date },
    });
    await audit(tx, ctx, {
      action: "case_contact.create",
      entity: "case_contact",
      entityId: row.id,
      organisationId: record.organisationId,
      details: { caseId: record.id },
    });
    await tx.update(cases).set({ updatedAt: sql`now()` }).where(eq(cases.id, record.id));
    return presentContact({ ...row, counsellorName: ctx.actor.userName });
  });
}

type NoteRow = typeof caseNotes.$inferSelect & { authorName: string | null };
const presentNote = (row: NoteRow) => ({
  id: row.id,
  body: row.body,
  special: row.special,
  author: person(row.authorUserId, row.authorName),
  createdAt: row.createdAt.toISOString(),
});

/** The notes of a case, the latest first; special-category notes only for those who may read them. */
export async function listNotes(ctx: Ctx & { caseId: string }) {
  const record = await scopedCase(ctx.db, ctx.actor, ctx.caseId);
  const rows = await ctx.db
    .select({
      id: caseNotes.id,
      caseId: caseNotes.caseId,
      body: caseNotes.body,
      special: caseNotes.special,
      authorUserId: caseNotes.authorUserId,
      createdAt: caseNotes.createdAt,
      authorName: users.name,
    })
    .from(caseNotes)
    .leftJoin(users, eq(users.id, caseNotes.authorUserId))
    .where(and(eq(caseNotes.caseId, record.id), specialScope(ctx.actor, caseNotes.special)))
    .orderBy(desc(caseNotes.createdAt), asc(caseNotes.id));
  await auditCaseRead(ctx, record, "note", { ids: rows.map((r) => r.id) });
  return { items: rows.map(presentNote) };
}

/** Adds a note; a special-category note needs someone who may read special categories. */
export async function createNote(ctx: Ctx & { caseId: string; input: { body: string; special: boolean } }) {
  if (ctx.input.special && !mayReadSpecial(ctx.actor))
    throw invalidField("special", "case.special_note_forbidden");
  return ctx.db.transaction(async (tx) => {
    const record = await documentableCase(tx, ctx.actor, ctx.caseId);
    const [row] = await tx
      .insert(caseNotes)
      .values({
        caseId: record.id,
        body: ctx.input.body,
        special: ctx.input.special,
        authorUserId: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error("note not created");
    await recordCaseEvent(tx, {
      caseId: record.id,
      kind: "note_added",
      actorUserId: ctx.actor.userId,
      subjectId: row.id,
      special: row.special,
    });
    await audit(tx, ctx, {
      action: "case_note.create",
      entity: "case_note",
      entityId: row.id,
      organisationId: record.organisationId,
      details: { caseId: record.id, special: row.special },
    });
    await tx.update(cases).set({ updatedAt: sql`now()` }).where(eq(cases.id, record.id));
    return presentNote({ ...row, authorName: ctx.actor.userName });
  });
}
