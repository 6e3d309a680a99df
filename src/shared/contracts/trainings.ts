import { z } from "zod";
import { ORGANISATION_TYPES } from "#shared/domain.ts";
import {
  COHORT_STATUSES,
  PARTICIPANT_ROLES,
  PARTICIPANT_STATUSES,
  SESSION_STATUSES,
} from "#shared/trainings.ts";
import { Id, Timestamp } from "./common.ts";

// The core of the trainings contract: programmes, cohorts and participants. The parts (sessions
// and attendance, evaluations, certificates, exchange space, network effect) have their own files
// beside this one and import what they share from here.

/** A calendar day, YYYY-MM-DD. */
export const Day = z.iso.date().describe("Calendar day, YYYY-MM-DD");

/** A text in the staff languages; German is the source and always present. */
export const GoalText = z
  .object({
    de: z.string().trim().min(1).max(500),
    en: z.string().trim().min(1).max(500).optional(),
    ar: z.string().trim().min(1).max(500).optional(),
  })
  .meta({ id: "TrainingGoalText" });

export const TrainingGoal = z.object({ id: Id, position: z.number().int(), text: GoalText });
export type TrainingGoal = z.infer<typeof TrainingGoal>;

export const Programme = z
  .object({
    id: Id,
    key: z.string().nullable().describe("Set for the programmes every installation starts with"),
    title: z.string(),
    description: z.string(),
    targetGroups: z.string(),
    modules: z.number().int(),
    hours: z.number().int(),
    minAttendancePercent: z.number().int().describe("Certificate rule: share of held sessions attended"),
    goals: z.array(TrainingGoal),
    version: z.number().int(),
  })
  .meta({ id: "TrainingProgramme" });
export type Programme = z.infer<typeof Programme>;

/** What the caller may do in a cohort (the server decides; the page only shows what fits). */
export const CohortRelationView = z.object({
  coordinator: z.boolean(),
  trainer: z.boolean(),
  participantId: Id.nullable().describe("The caller's own participant record"),
  admin: z.boolean().describe("An admin whose organisation has participants in the cohort"),
  teaches: z.boolean().describe("Runs the cohort: sessions, attendance, evaluation links"),
});
export type CohortRelationView = z.infer<typeof CohortRelationView>;

export const Trainer = z.object({ userId: Id, name: z.string(), organisationName: z.string().nullable() });

export const CohortSummary = z
  .object({
    id: Id,
    programmeId: Id,
    programmeTitle: z.string(),
    title: z.string(),
    startsOn: Day,
    endsOn: Day,
    location: z.string().nullable(),
    online: z.boolean(),
    capacity: z.number().int(),
    enrolled: z.number().int(),
    waitlisted: z.number().int(),
    registrationOpen: z.boolean(),
    status: z.enum(COHORT_STATUSES),
  })
  .meta({ id: "TrainingCohortSummary" });
export type CohortSummary = z.infer<typeof CohortSummary>;

export const CohortDetail = CohortSummary.extend({
  programme: Programme,
  trainers: z.array(Trainer),
  relation: CohortRelationView,
  version: z.number().int(),
}).meta({ id: "TrainingCohort" });
export type CohortDetail = z.infer<typeof CohortDetail>;

export const Participant = z
  .object({
    id: Id,
    userId: Id.nullable(),
    name: z.string(),
    email: z.string().nullable().describe("Shown only to those who run the cohort and the own admin"),
    organisationId: Id.nullable(),
    organisationName: z.string(),
    organisationType: z.enum(ORGANISATION_TYPES),
    role: z.enum(PARTICIPANT_ROLES),
    status: z.enum(PARTICIPANT_STATUSES),
    createdAt: Timestamp,
  })
  .meta({ id: "TrainingParticipant" });
export type Participant = z.infer<typeof Participant>;

/** A session as every part shows it. */
export const SessionSummary = z.object({
  id: Id,
  startsAt: Timestamp,
  endsAt: Timestamp,
  topic: z.string(),
  status: z.enum(SESSION_STATUSES),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

export const CohortParams = z.object({ cohortId: Id });
