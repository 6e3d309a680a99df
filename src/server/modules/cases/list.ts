import { and, asc, count, desc, eq, ilike, isNull, or, type SQL, sql } from "drizzle-orm";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { containsPattern } from "#server/platform/like.ts";
import { users } from "#server/platform/tables.ts";
import { caseScope } from "#server/platform/tenancy.ts";
import type { CaseList, CaseListQuery } from "#shared/contracts/cases.ts";
import { daysFromToday, today } from "./calendar.ts";
import { caseNextSteps, cases, clients } from "./tables.ts";

/** Earliest due date of the case's open next steps. */
const nextDue = sql<
  string | null
>`(select min(${caseNextSteps.dueDate})::text from ${caseNextSteps} where ${caseNextSteps.caseId} = ${cases.id} and ${caseNextSteps.doneAt} is null)`;

/** Cases with an open next step in the window. */
function dueFilter(due: CaseListQuery["due"]): SQL | undefined {
  if (!due) return undefined;
  const window = {
    overdue: sql`${caseNextSteps.dueDate} < ${today}`,
    next_7_days: sql`${caseNextSteps.dueDate} between ${today} and ${daysFromToday(7)}`,
    any_open: sql`true`,
  }[due];
  return sql`exists (select 1 from ${caseNextSteps} where ${caseNextSteps.caseId} = ${cases.id} and ${caseNextSteps.doneAt} is null and ${window})`;
}

/**
 * The cases the actor may see, searched by the client's name or a pseudonym and filtered; the
 * most pressing first (earliest open due date), then the recently worked on. One audit entry per
 * list read, naming the cases shown.
 */
export async function listCases(ctx: Ctx & { query: CaseListQuery }): Promise<CaseList> {
  const { q, phase, status, assignee, due, limit, offset } = ctx.query;
  const pattern = q ? containsPattern(q) : undefined;
  const where = and(
    caseScope(ctx.actor),
    pattern
      ? or(ilike(clients.name, pattern), ilike(cases.pseudonym, pattern), ilike(clients.pseudonym, pattern))
      : undefined,
    phase ? eq(cases.phase, phase) : undefined,
    status ? eq(cases.status, status) : undefined,
    assignee === "none"
      ? isNull(cases.assigneeUserId)
      : assignee
        ? eq(cases.assigneeUserId, assignee === "me" ? ctx.actor.userId : assignee)
        : undefined,
    dueFilter(due),
  );
  const rows = await ctx.db
    .select({
      id: cases.id,
      pseudonym: cases.pseudonym,
      clientName: clients.name,
      status: cases.status,
      phase: cases.phase,
      assigneeId: cases.assigneeUserId,
      assigneeName: users.name,
      nextDue,
      openedAt: cases.openedAt,
      updatedAt: cases.updatedAt,
    })
    .from(cases)
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .leftJoin(users, eq(users.id, cases.assigneeUserId))
    .where(where)
    .orderBy(sql`${nextDue} asc nulls last`, desc(cases.updatedAt), asc(cases.id))
    .limit(limit)
    .offset(offset);
  const [total] = await ctx.db
    .select({ n: count() })
    .from(cases)
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .where(where);
  await audit(ctx.db, ctx, {
    action: "case.list",
    entity: "case",
    organisationId: ctx.actor.organisationId,
    details: {
      caseIds: rows.map((r) => r.id),
      total: total?.n ?? 0,
      // Which filters were used, never the search text: it may be a name.
      filters: Object.entries({ q, phase, status, assignee, due })
        .filter(([, v]) => v !== undefined)
        .map(([k]) => k),
    },
  });
  return {
    items: rows.map(({ assigneeId, assigneeName, ...r }) => ({
      ...r,
      status: r.status,
      assignee: assigneeId ? { id: assigneeId, name: assigneeName ?? "" } : null,
      openedAt: r.openedAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
    total: total?.n ?? 0,
  };
}
