import { z } from "zod";
import { ATTENDANCE_STATUSES, FEED_KINDS, SESSION_STATUSES } from "#shared/trainings.ts";
import { Id, Timestamp } from "./common.ts";
import { CohortSummary } from "./trainings.ts";

// Sessions, attendance and iCal feeds of a cohort (part "sessions" of the trainings).

const Topic = z.string().trim().min(1).max(200);
const Place = z.string().trim().max(300);

export const TrainingSession = z
  .object({
    id: Id,
    cohortId: Id,
    startsAt: Timestamp,
    endsAt: Timestamp,
    topic: z.string(),
    goalIds: z.array(Id).describe("The programme's learning goals the session covers"),
    place: z.string().nullable(),
    status: z.enum(SESSION_STATUSES),
    sequence: z.number().int().describe("iCal SEQUENCE: bumped by every change a calendar must take over"),
    recorded: z.number().int().describe("Attendance entries recorded (of the participants the caller sees)"),
    version: z.number().int(),
  })
  .meta({ id: "TrainingSession" });
export type TrainingSession = z.infer<typeof TrainingSession>;

export const SessionList = z.object({ items: z.array(TrainingSession) });

const times = <T extends { startsAt?: string; endsAt?: string }>(v: T) =>
  v.startsAt === undefined || v.endsAt === undefined || Date.parse(v.endsAt) > Date.parse(v.startsAt);
const timesProblem = { path: ["endsAt"], message: "trainings.sessions.ends_before_start" };

export const SessionCreate = z
  .object({
    startsAt: Timestamp,
    endsAt: Timestamp,
    topic: Topic,
    goalIds: z.array(Id).max(50).default([]),
    place: Place.nullable().default(null),
  })
  .refine(times, timesProblem);
export type SessionCreate = z.infer<typeof SessionCreate>;

export const SessionUpdate = z
  .object({
    startsAt: Timestamp.optional(),
    endsAt: Timestamp.optional(),
    topic: Topic.optional(),
    goalIds: z.array(Id).max(50).optional(),
    place: Place.nullable().optional(),
  })
  .refine(times, timesProblem);
export type SessionUpdate = z.infer<typeof SessionUpdate>;

export const SessionCancel = z.object({
  note: z.string().trim().max(500).optional().describe("Said to the participants in the mail"),
});

export const SessionParams = z.object({ sessionId: Id });

/** One participant's line of a session's attendance. */
export const AttendanceRow = z.object({
  participantId: Id,
  name: z.string(),
  organisationName: z.string(),
  status: z.enum(ATTENDANCE_STATUSES).nullable().describe("null: not recorded yet"),
});
export type AttendanceRow = z.infer<typeof AttendanceRow>;

export const SessionAttendance = z
  .object({ session: TrainingSession, rows: z.array(AttendanceRow) })
  .meta({ id: "TrainingSessionAttendance" });
export type SessionAttendance = z.infer<typeof SessionAttendance>;

export const AttendanceSave = z.object({
  entries: z
    .array(z.object({ participantId: Id, status: z.enum(ATTENDANCE_STATUSES) }))
    .min(1)
    .max(500)
    .refine((e) => new Set(e.map((x) => x.participantId)).size === e.length, {
      message: "trainings.sessions.attendance_duplicate",
    }),
});
export type AttendanceSave = z.infer<typeof AttendanceSave>;

/** A participant's attendance over the sessions that count (begun, not cancelled). */
export const AttendanceTotalRow = z.object({
  participantId: Id,
  name: z.string(),
  organisationName: z.string(),
  sessionsHeld: z.number().int(),
  hoursHeld: z.number(),
  sessionsAttended: z.number().int(),
  hoursAttended: z.number(),
  late: z.number().int(),
  excused: z.number().int(),
  absent: z.number().int(),
  unrecorded: z.number().int(),
  percent: z.number(),
});
export type AttendanceTotalRow = z.infer<typeof AttendanceTotalRow>;

export const AttendanceTotals = z
  .object({
    minAttendancePercent: z.number().int(),
    rows: z.array(AttendanceTotalRow),
  })
  .meta({ id: "TrainingAttendanceTotals" });
export type AttendanceTotals = z.infer<typeof AttendanceTotals>;

/** A subscribable iCal address; the token is shown once, when it is made. */
export const Feed = z
  .object({
    id: Id,
    kind: z.enum(FEED_KINDS),
    cohortId: Id,
    participantId: Id.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: "TrainingFeed" });
export type Feed = z.infer<typeof Feed>;
export const FeedList = z.object({ items: z.array(Feed) });

export const FeedCreate = z.object({ kind: z.enum(FEED_KINDS) });
export const FeedCreated = Feed.extend({
  url: z.string().describe("The subscribable address with its secret token (shown only now)"),
}).meta({ id: "TrainingFeedCreated" });
export type FeedCreated = z.infer<typeof FeedCreated>;
export const FeedParams = z.object({ feedId: Id });
export const FeedTokenParams = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,100}$/)
    .describe("The feed's secret token"),
});

/** The caller's own trainings (participants with an account). */
export const MyCertificate = z.object({
  id: Id,
  code: z.string(),
  issuedAt: Timestamp,
  revoked: z.boolean(),
});
export const MyTraining = z.object({
  cohort: CohortSummary,
  participantId: Id,
  participantStatus: z.string(),
  nextSessions: z.array(TrainingSession),
  totals: AttendanceTotalRow.nullable(),
  minAttendancePercent: z.number().int(),
  certificates: z.array(MyCertificate),
  feed: Feed.nullable().describe("The caller's active feed of this cohort"),
});
export type MyTraining = z.infer<typeof MyTraining>;
export const MyTrainings = z.object({ items: z.array(MyTraining) }).meta({ id: "MyTrainings" });
export type MyTrainings = z.infer<typeof MyTrainings>;
