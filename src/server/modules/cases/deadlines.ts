import { and, eq, isNotNull, lte, ne, notInArray, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Deadline, DeadlineList } from "#shared/contracts/cases.ts";
import {
  AUTHORITY_DECISION_MONTHS,
  DEADLINE_HORIZON_DAYS,
  type RecognitionState,
} from "#shared/recognition.ts";
import { audit, type Ctx } from "../../platform/audit.ts";
import { qualifications, recognitionProcedures } from "../recognition/tables.ts";
import { daysFromToday, today } from "./calendar.ts";
import { caseScope, isVolunteer } from "./policy.ts";
import { caseNextSteps, cases, clients } from "./tables.ts";

/** States in which a §16d permit no longer matters: the journey has ended in work or without. */
const FINAL_STATES: RecognitionState[] = ["employed_at_level", "employed_below_level", "not_employed"];

const horizon = daysFromToday(DEADLINE_HORIZON_DAYS);
const decisionDue = sql<string>`(${recognitionProcedures.documentsCompleteAt} + make_interval(months => ${AUTHORITY_DECISION_MONTHS}))::date`;

type Scope = "mine" | "organisation";

/**
 * The recognition procedures in the actor's view. They are read here straight from the recognition
 * tables (read-only): "mine" are those counselled in a case assigned to the actor; the organisation
 * view follows the case scope, so a volunteer sees only procedures of cases assigned to them.
 */
function procedureScope(ctx: Ctx, scope: Scope): SQL {
  if (scope === "mine") return and(caseScope(ctx.actor), eq(cases.assigneeUserId, ctx.actor.userId)) as SQL;
  if (isVolunteer(ctx.actor)) return caseScope(ctx.actor);
  return and(eq(recognitionProcedures.organisationId, ctx.actor.organisationId), caseScopeOrNone(ctx)) as SQL;
}

/** A procedure without a case is fine; one in a case must be in a case the actor may see. */
const caseScopeOrNone = (ctx: Ctx) => sql`(${cases.id} is null or ${caseScope(ctx.actor)})`;

function procedures(ctx: Ctx, scope: Scope, condition: SQL | undefined) {
  return ctx.db
    .select({
      id: recognitionProcedures.id,
      title: recognitionProcedures.referenceOccupationTitle,
      documentsDue: sql<string | null>`${decisionDue}::text`,
      state: recognitionProcedures.state,
      permitUntil: recognitionProcedures.permit16dUntil,
      caseId: cases.id,
      casePseudonym: cases.pseudonym,
      clientName: clients.name,
    })
    .from(recognitionProcedures)
    .innerJoin(qualifications, eq(qualifications.id, recognitionProcedures.qualificationId))
    .innerJoin(clients, eq(clients.id, qualifications.clientId))
    .leftJoin(cases, eq(cases.id, recognitionProcedures.caseId))
    .where(and(procedureScope(ctx, scope), condition));
}

/**
 * The dates a counsellor must not miss, for the start page: open next steps, the authority's
 * three-month decision period once the documents are complete (§6(3) BQFG), and the end of a §16d
 * residence permit — each when overdue or within DEADLINE_HORIZON_DAYS.
 */
export async function listDeadlines(ctx: Ctx & { scope: Scope }): Promise<z.infer<typeof DeadlineList>> {
  const { rows } = await ctx.db.execute<{ today: string }>(sql`select ${today}::text as today`);
  const todayText = rows[0]?.today ?? "";
  const steps = await ctx.db
    .select({
      id: caseNextSteps.id,
      title: caseNextSteps.title,
      dueDate: caseNextSteps.dueDate,
      caseId: cases.id,
      casePseudonym: cases.pseudonym,
      clientName: clients.name,
    })
    .from(caseNextSteps)
    .innerJoin(cases, eq(cases.id, caseNextSteps.caseId))
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .where(
      and(
        caseScope(ctx.actor),
        ctx.scope === "mine" ? eq(cases.assigneeUserId, ctx.actor.userId) : undefined,
        ne(cases.status, "closed"),
        sql`${caseNextSteps.doneAt} is null`,
        isNotNull(caseNextSteps.dueDate),
        lte(caseNextSteps.dueDate, horizon),
      ),
    );
  const decisions = await procedures(
    ctx,
    ctx.scope,
    and(
      eq(recognitionProcedures.state, "documents_complete"),
      isNotNull(recognitionProcedures.documentsCompleteAt),
      sql`${decisionDue} <= ${horizon}`,
    ),
  );
  const permits = await procedures(
    ctx,
    ctx.scope,
    and(
      isNotNull(recognitionProcedures.permit16dUntil),
      lte(recognitionProcedures.permit16dUntil, horizon),
      notInArray(recognitionProcedures.state, FINAL_STATES),
    ),
  );
  const deadline = (d: Omit<Deadline, "overdue">): Deadline => ({ ...d, overdue: d.dueDate < todayText });
  const items = [
    ...steps.map((s) =>
      deadline({
        kind: "next_step",
        dueDate: s.dueDate ?? "",
        caseId: s.caseId,
        casePseudonym: s.casePseudonym,
        clientName: s.clientName,
        title: s.title,
        subjectId: s.id,
      }),
    ),
    ...decisions.map((p) =>
      deadline({
        kind: "authority_decision",
        dueDate: p.documentsDue ?? "",
        caseId: p.caseId,
        casePseudonym: p.casePseudonym,
        clientName: p.clientName,
        title: p.title,
        subjectId: p.id,
      }),
    ),
    ...permits.map((p) =>
      deadline({
        kind: "permit_16d",
        dueDate: p.permitUntil ?? "",
        caseId: p.caseId,
        casePseudonym: p.casePseudonym,
        clientName: p.clientName,
        title: p.title,
        subjectId: p.id,
      }),
    ),
  ].sort(
    (a, b) =>
      a.dueDate.localeCompare(b.dueDate) ||
      a.kind.localeCompare(b.kind) ||
      a.subjectId.localeCompare(b.subjectId),
  );
  await audit(ctx.db, ctx, {
    action: "deadline.list",
    entity: "case",
    organisationId: ctx.actor.organisationId,
    details: { scope: ctx.scope, count: items.length },
  });
  return { items };
}
