import { sql } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { trainingAttendance, trainingSessions } from "./tables.ts";

/** What a participant attended of the sessions that count: those begun and not cancelled. */
export type AttendanceTotal = {
  participantId: string;
  /** Sessions that count, and their hours. */
  sessionsHeld: number;
  hoursHeld: number;
  /** Of those, attended (present or late), and their hours. */
  sessionsAttended: number;
  hoursAttended: number;
  late: number;
  excused: number;
  absent: number;
  /** Sessions that count without an entry for the participant. */
  unrecorded: number;
  /** Attended share of the sessions that count, 0–100 (0 when none counts yet). */
  percent: number;
};

/**
 * Attendance totals per participant of a cohort (all participants, or the ids given). The
 * certificate rule compares `percent` with the programme's minimum; start pages count `unrecorded`.
 */
export async function attendanceTotals(
  db: Tx,
  cohortId: string,
  participantIds?: readonly string[],
): Promise<Map<string, AttendanceTotal>> {
  const only =
    participantIds === undefined
      ? sql``
      : participantIds.length === 0
        ? sql`and false`
        : sql`and p.id in (${sql.join(
            participantIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`;
  const { rows } = await db.execute<AttendanceTotal>(sql`
    with counted as (
      select s.id, extract(epoch from s.ends_at - s.starts_at) / 3600.0 as hours
      from ${trainingSessions} s
      where s.cohort_id = ${cohortId} and s.status <> 'cancelled' and s.starts_at <= now()
    )
    select p.id as "participantId",
      count(c.id)::int as "sessionsHeld",
      coalesce(sum(c.hours), 0)::float8 as "hoursHeld",
      count(c.id) filter (where a.status in ('present', 'late'))::int as "sessionsAttended",
      coalesce(sum(c.hours) filter (where a.status in ('present', 'late')), 0)::float8 as "hoursAttended",
      count(c.id) filter (where a.status = 'late')::int as "late",
      count(c.id) filter (where a.status = 'excused')::int as "excused",
      count(c.id) filter (where a.status = 'absent')::int as "absent",
      count(c.id) filter (where a.status is null)::int as "unrecorded",
      case when count(c.id) = 0 then 0
        else round(100.0 * count(c.id) filter (where a.status in ('present', 'late')) / count(c.id), 1)::float8
      end as "percent"
    from training_participants p
    left join counted c on true
    left join ${trainingAttendance} a on a.session_id = c.id and a.participant_id = p.id
    where p.cohort_id = ${cohortId} and p.status = 'enrolled' ${only}
    group by p.id`);
  return new Map(rows.map((r) => [r.participantId, r]));
}
