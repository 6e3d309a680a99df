import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { taughtBy } from "#server/modules/trainings/access.ts";
import { trainingCohorts, trainingSessions } from "#server/modules/trainings/tables.ts";
import type { Ctx } from "#server/platform/context.ts";
import { HOME_ITEMS, type HomeItem, homeItem } from "#shared/contracts/home.ts";
import { berlinDay } from "./service.ts";

/**
 * What a trainer's start page counts, for the cohorts they teach (taughtBy): the cohorts, the
 * next sessions, begun sessions whose attendance is incomplete, and self-assessments outstanding.
 * Counts and names of cohorts and sessions only: no participant is named here.
 */

type Part = { count: number; items: HomeItem[]; overdue?: number };

const cohortPath = (id: string, tab?: string) => `/trainings/cohorts/${id}${tab ? `?tab=${tab}` : ""}`;
/** A session whose attendance is still open after this many days counts as overdue. */
const ATTENDANCE_OVERDUE_DAYS = 7;
/** A cohort's outstanding self-assessments are followed up for this many days after its end. */
const EVALUATION_FOLLOW_UP_DAYS = 90;

export async function trainerCohorts(ctx: Ctx): Promise<Part> {
  const rows = await ctx.db
    .select({
      id: trainingCohorts.id,
      title: trainingCohorts.title,
      startsOn: trainingCohorts.startsOn,
      endsOn: trainingCohorts.endsOn,
      status: trainingCohorts.status,
      enrolled: sql<number>`(select count(*)::int from training_participants p
        where p.cohort_id = "training_cohorts"."id" and p.status = 'enrolled')`,
    })
    .from(trainingCohorts)
    .where(and(taughtBy(ctx.actor.userId), inArray(trainingCohorts.status, ["planned", "running"])))
    .orderBy(sql`${trainingCohorts.status} = 'running' desc`, asc(trainingCohorts.startsOn));
  return {
    count: rows.length,
    items: rows.slice(0, HOME_ITEMS).map((c) =>
      homeItem({
        id: c.id,
        to: cohortPath(c.id),
        label: c.title,
        date: c.startsOn,
        count: c.enrolled,
      }),
    ),
  };
}

export async function trainerNextSessions(ctx: Ctx): Promise<Part> {
  const where = and(
    inArray(
      trainingSessions.cohortId,
      ctx.db.select({ id: trainingCohorts.id }).from(trainingCohorts).where(taughtBy(ctx.actor.userId)),
    ),
    sql`${trainingSessions.startsAt} > now()`,
    sql`${trainingSessions.status} <> 'cancelled'`,
  );
  const [rows, [counted]] = await Promise.all([
    ctx.db
      .select({ session: trainingSessions, cohortTitle: trainingCohorts.title })
      .from(trainingSessions)
      .innerJoin(trainingCohorts, eq(trainingCohorts.id, trainingSessions.cohortId))
      .where(where)
      .orderBy(asc(trainingSessions.startsAt))
      .limit(HOME_ITEMS),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(trainingSessions).where(where),
  ]);
  return {
    count: counted?.n ?? 0,
    items: rows.map(({ session: s, cohortTitle }) =>
      homeItem({
        id: s.id,
        to: cohortPath(s.cohortId, "sessions"),
        label: s.topic,
        organisation: cohortTitle,
        date: berlinDay(s.startsAt),
      }),
    ),
  };
}

export async function trainerAttendanceOpen(ctx: Ctx): Promise<Part> {
  const { rows } = await ctx.db.execute<{
    id: string;
    cohortId: string;
    topic: string;
    cohortTitle: string;
    startsAt: string;
    open: number;
    overdue: boolean;
  }>(sql`
    select s.id, s.cohort_id as "cohortId", s.topic, c.title as "cohortTitle", s.starts_at as "startsAt",
      (select count(*)::int from training_participants p where p.cohort_id = c.id and p.status = 'enrolled'
        and not exists (select 1 from training_attendance a where a.session_id = s.id and a.participant_id = p.id)
      ) as "open",
      s.starts_at < now() - make_interval(days => ${ATTENDANCE_OVERDUE_DAYS}) as "overdue"
    from training_sessions s
    join training_cohorts c on c.id = s.cohort_id
    where s.status <> 'cancelled' and s.starts_at <= now()
      and c.id in (select t.cohort_id from training_cohort_trainers t where t.user_id = ${ctx.actor.userId})
    order by s.starts_at desc`);
  const open = rows.filter((r) => r.open > 0);
  return {
    count: open.length,
    overdue: open.filter((r) => r.overdue).length,
    items: open.slice(0, HOME_ITEMS).map((r) =>
      homeItem({
        id: r.id,
        to: `${cohortPath(r.cohortId, "attendance")}&session=${r.id}`,
        label: r.topic,
        organisation: r.cohortTitle,
        date: berlinDay(new Date(r.startsAt)),
        count: r.open,
        overdue: r.overdue,
      }),
    ),
  };
}

/**
 * Self-assessments outstanding per cohort: enrolled participants without a "pre" answer once the
 * cohort has begun, and without a "post" answer once it has ended.
 */
export async function trainerEvaluationsOpen(ctx: Ctx): Promise<Part> {
  const { rows } = await ctx.db.execute<{ id: string; title: string; pre: number; post: number }>(sql`
    select c.id, c.title,
      (select count(*)::int from training_participants p where p.cohort_id = c.id and p.status = 'enrolled'
        and not exists (select 1 from training_evaluation_responses r
          where r.participant_id = p.id and r.phase = 'pre')) as "pre",
      case when c.ends_on < current_date then
        (select count(*)::int from training_participants p where p.cohort_id = c.id and p.status = 'enrolled'
          and not exists (select 1 from training_evaluation_responses r
            where r.participant_id = p.id and r.phase = 'post'))
      else 0 end as "post"
    from training_cohorts c
    where c.starts_on <= current_date and c.status in ('running', 'completed')
      and c.ends_on >= current_date - ${EVALUATION_FOLLOW_UP_DAYS}::int
      and c.id in (select t.cohort_id from training_cohort_trainers t where t.user_id = ${ctx.actor.userId})
    order by c.starts_on desc`);
  const open = rows.filter((r) => r.pre + r.post > 0);
  return {
    count: open.reduce((n, r) => n + r.pre + r.post, 0),
    items: open.slice(0, HOME_ITEMS).map((r) =>
      homeItem({
        id: r.id,
        to: cohortPath(r.id, "evaluations"),
        label: r.title,
        count: r.pre + r.post,
      }),
    ),
  };
}
