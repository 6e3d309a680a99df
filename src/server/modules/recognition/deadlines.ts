import { and, eq, isNotNull, lte, notInArray, type SQL, sql } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { daysFromToday } from "#server/modules/cases/calendar.ts";
import type { DeadlineScope } from "#server/modules/cases/extensions.ts";
import { cases, clients } from "#server/modules/cases/tables.ts";
import type { Ctx } from "#server/platform/context.ts";
import { caseScope, isVolunteer } from "#server/platform/tenancy.ts";
import type { Deadline } from "#shared/contracts/cases.ts";
import {
  AUTHORITY_DECISION_MONTHS,
  DEADLINE_HORIZON_DAYS,
  type RecognitionState,
} from "#shared/recognition.ts";
import { qualifications, recognitionProcedures } from "./tables.ts";

/** States in which a §16d permit no longer matters: the journey has ended in work or without. */
const FINAL_STATES: RecognitionState[] = ["employed_at_level", "employed_below_level", "not_employed"];

const horizon = daysFromToday(DEADLINE_HORIZON_DAYS);
const decisionDue = sql<string>`(${recognitionProcedures.documentsCompleteAt} + make_interval(months => ${AUTHORITY_DECISION_MONTHS}))::date`;

/**
 * The recognition procedures in the actor's view: "mine" are those counselled in a case assigned
 * to the actor; the organisation view follows the case scope, so a volunteer sees only procedures
 * of cases assigned to them.
 */
function procedureScope(ctx: Ctx, scope: DeadlineScope): SQL {
  if (scope === "mine") return and(caseScope(ctx.actor), eq(cases.assigneeUserId, ctx.actor.userId)) as SQL;
  if (isVolunteer(ctx.actor)) return caseScope(ctx.actor);
  return and(eq(recognitionProcedures.organisationId, ctx.actor.organisationId), caseScopeOrNone(ctx)) as SQL;
}

/** A procedure without a case is fine; one in a case must be in a case the actor may see. */
const caseScopeOrNone = (ctx: Ctx) => sql`(${cases.id} is null or ${caseScope(ctx.actor)})`;

function procedures(ctx: Ctx, scope: DeadlineScope, condition: SQL | undefined) {
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
 * Recognition's dates for the deadline list (cases/deadlines.ts): the authority's three-month
 * decision period once the documents are complete (§6(3) BQFG), and the end of a §16d residence
 * permit — each when overdue or within DEADLINE_HORIZON_DAYS.
 */
export async function recognitionDeadlines(
  ctx: Ctx,
  scope: DeadlineScope,
): Promise<Omit<Deadline, "overdue">[]> {
  const decisions = await procedures(
    ctx,
    scope,
    and(
      eq(recognitionProcedures.state, "documents_complete"),
      isNotNull(recognitionProcedures.documentsCompleteAt),
      sql`${decisionDue} <= ${horizon}`,
    ),
  );
  const permits = await procedures(
    ctx,
    scope,
    and(
      isNotNull(recognitionProcedures.permit16dUntil),
      lte(recognitionProcedures.permit16dUntil, horizon),
      notInArray(recognitionProcedures.state, FINAL_STATES),
    ),
  );
  return [
    ...decisions.map((p) => ({
      kind: "authority_decision" as const,
      dueDate: p.documentsDue ?? "",
      caseId: p.caseId,
      casePseudonym: p.casePseudonym,
      clientName: p.clientName,
      title: p.title,
      subjectId: p.id,
    })),
    ...permits.map((p) => ({
      kind: "permit_16d" as const,
      dueDate: p.permitUntil ?? "",
      caseId: p.caseId,
      casePseudonym: p.casePseudonym,
      clientName: p.clientName,
      title: p.title,
      subjectId: p.id,
    })),
  ];
}

/** Whether a procedure is one of the client's in the organisation (a next step may close its differences). */
export async function isClientProcedure(
  db: Tx,
  p: { procedureId: string; clientId: string; organisationId: string },
): Promise<boolean> {
  const [procedure] = await db
    .select({ id: recognitionProcedures.id })
    .from(recognitionProcedures)
    .innerJoin(qualifications, eq(qualifications.id, recognitionProcedures.qualificationId))
    .where(
      and(
        eq(recognitionProcedures.id, p.procedureId),
        eq(qualifications.clientId, p.clientId),
        eq(recognitionProcedures.organisationId, p.organisationId),
      ),
    );
  return procedure !== undefined;
}
