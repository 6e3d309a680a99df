import { and, eq, isNotNull, lte, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { caseScope } from "#server/platform/tenancy.ts";
import type { Deadline, DeadlineList } from "#shared/contracts/cases.ts";
import { DEADLINE_HORIZON_DAYS } from "#shared/recognition.ts";
import { daysFromToday, today } from "./calendar.ts";
import { contributions, type DeadlineScope } from "./extensions.ts";
import { caseNextSteps, cases, clients } from "./tables.ts";

const horizon = daysFromToday(DEADLINE_HORIZON_DAYS);

/**
 * The dates a counsellor must not miss, for the start page: open next steps, and what other modules
 * contribute (recognition: the authority's decision period, the end of a §16d permit) — each when
 * overdue or within DEADLINE_HORIZON_DAYS.
 */
export async function listDeadlines(
  ctx: Ctx & { scope: DeadlineScope },
): Promise<z.infer<typeof DeadlineList>> {
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
  // Recognition's dates (decision periods, §16d permits) come from recognition (extensions.ts).
  const contributed: Omit<Deadline, "overdue">[] = [];
  for (const source of contributions().deadlines) contributed.push(...(await source(ctx, ctx.scope)));
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
    ...contributed.map(deadline),
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
