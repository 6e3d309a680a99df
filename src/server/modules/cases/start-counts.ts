import { and, asc, count, eq, inArray, type SQL, sql } from "drizzle-orm";
import { berlinDay } from "#server/modules/interfaces/working-days.ts";
import type { Ctx } from "#server/platform/context.ts";
import { caseScope, mayReadSpecial } from "#server/platform/tenancy.ts";
import { HOME_ITEMS, type HomeItem, homeItem } from "#shared/contracts/home.ts";
import { uncoveredSpecialDataSql } from "./special-data.ts";
import { caseNextSteps, cases, clients } from "./tables.ts";

/**
 * What the start pages show of cases: the cases assigned to the actor with their next step, those
 * of them without any planned step, and the organisation's cases whose special-category data lacks
 * a consent or legal basis. Every query is inside the actor's case scope.
 */

type Section = { count: number; items: HomeItem[] };
const ACTIVE = inArray(cases.status, ["open", "paused"]);

/** The earliest open next step of the case in `cases`: its title and due date. */
const nextStep = {
  title: sql<
    string | null
  >`(select ${caseNextSteps.title} from ${caseNextSteps} where ${caseNextSteps.caseId} = ${cases.id} and ${caseNextSteps.doneAt} is null order by ${caseNextSteps.dueDate} asc nulls last, ${caseNextSteps.createdAt} asc limit 1)`,
  due: sql<
    string | null
  >`(select min(${caseNextSteps.dueDate})::text from ${caseNextSteps} where ${caseNextSteps.caseId} = ${cases.id} and ${caseNextSteps.doneAt} is null)`,
};
const hasOpenStep = sql`exists (select 1 from ${caseNextSteps} where ${caseNextSteps.caseId} = ${cases.id} and ${caseNextSteps.doneAt} is null)`;

/** A page of cases; `withStep` names each case's next step and whether it is late. */
async function section(ctx: Ctx, where: SQL, tab: string, order: SQL[], withStep = true): Promise<Section> {
  const day = berlinDay();
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        id: cases.id,
        pseudonym: cases.pseudonym,
        clientName: clients.name,
        stepTitle: nextStep.title,
        due: nextStep.due,
      })
      .from(cases)
      .innerJoin(clients, eq(clients.id, cases.clientId))
      .where(where)
      .orderBy(...order, asc(cases.id))
      .limit(HOME_ITEMS),
    ctx.db.select({ n: count() }).from(cases).innerJoin(clients, eq(clients.id, cases.clientId)).where(where),
  ]);
  return {
    count: total?.n ?? 0,
    items: rows.map((r) =>
      homeItem({
        id: r.id,
        to: `/cases/${r.id}${tab}`,
        label: r.clientName,
        casePseudonym: r.pseudonym,
        title: withStep ? r.stepTitle : null,
        date: withStep ? r.due : null,
        overdue: withStep && r.due !== null && r.due < day,
      }),
    ),
  };
}

const mine = (ctx: Ctx) =>
  and(caseScope(ctx.actor), eq(cases.assigneeUserId, ctx.actor.userId), ACTIVE) as SQL;

/** The open cases assigned to the actor, the most pressing next step first. */
export function assignedCases(ctx: Ctx): Promise<Section> {
  return section(ctx, mine(ctx), "?tab=steps", [
    sql`${nextStep.due} asc nulls last`,
    sql`${cases.updatedAt} desc`,
  ]);
}

/** The actor's open cases with no planned next step: they wait for the actor to plan one. */
export function casesWithoutStep(ctx: Ctx): Promise<Section> {
  return section(ctx, and(mine(ctx), sql`not ${hasOpenStep}`) as SQL, "?tab=steps", [
    sql`${cases.openedAt} asc`,
  ]);
}

/**
 * The organisation's open cases that hold special-category data without a documentation consent
 * or another legal basis. Only for those who may see special categories: to anyone else even the
 * count would say that such data exists.
 */
export function casesWithUncoveredSpecialData(ctx: Ctx): Promise<Section> {
  if (!mayReadSpecial(ctx.actor)) return Promise.resolve({ count: 0, items: [] });
  const where = and(caseScope(ctx.actor), ACTIVE, uncoveredSpecialDataSql()) as SQL;
  return section(ctx, where, "", [sql`${cases.openedAt} asc`], false);
}
