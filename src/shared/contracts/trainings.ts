import { z } from "zod";
import { LOCALES, ORGANISATION_TYPES } from "#shared/domain.ts";
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
    motivation: z
      .string()
      .nullable()
      .optional()
      .describe("What a public applicant wrote; only for the coordination and trainers"),
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

// ---- core: programmes, cohorts, registration, applications, the mix of actor groups ----

const Title = z.string().trim().min(1).max(200);

export const ProgrammeList = z.object({ items: z.array(Programme) }).meta({ id: "TrainingProgrammeList" });

export const ProgrammeParams = z.object({ programmeId: Id });

/** A learning goal as the coordinator writes it: an existing goal keeps its id (sessions refer to it). */
export const GoalInput = z.object({ id: Id.optional(), text: GoalText });

export const ProgrammeInput = z.object({
  title: Title,
  description: z.string().trim().max(5000).default(""),
  targetGroups: z.string().trim().max(1000).default(""),
  modules: z.number().int().min(1).max(100),
  hours: z.number().int().min(1).max(2000),
  minAttendancePercent: z.number().int().min(1).max(100).default(80),
  goals: z.array(GoalInput).min(1).max(30),
});
export type ProgrammeInput = z.input<typeof ProgrammeInput>;

export const CohortListItem = CohortSummary.extend({
  reachable: z
    .boolean()
    .describe("The caller can open the cohort; false: an admin sees it only to register members"),
  applications: z
    .number()
    .int()
    .describe("Public applications waiting for a decision (coordination only, else 0)"),
}).meta({ id: "TrainingCohortListItem" });
export const CohortList = z.object({ items: z.array(CohortListItem) }).meta({ id: "TrainingCohortList" });

export const CohortListQuery = z.object({
  programmeId: Id.optional(),
  status: z.enum(COHORT_STATUSES).optional(),
});

export const CohortInput = z.object({
  programmeId: Id,
  title: Title,
  startsOn: Day,
  endsOn: Day,
  location: z.string().trim().max(300).nullable().default(null),
  online: z.boolean().default(false),
  capacity: z.number().int().min(1).max(500),
  registrationOpen: z.boolean().default(true),
  status: z.enum(COHORT_STATUSES).default("planned"),
  trainerIds: z.array(Id).max(20).default([]),
});
export type CohortInput = z.input<typeof CohortInput>;

/** People who may be assigned as trainers: users holding an active trainer membership. */
export const TrainerCandidates = z
  .object({ items: z.array(Trainer) })
  .meta({ id: "TrainingTrainerCandidates" });

export const ParticipantList = z
  .object({
    items: z.array(Participant),
    /** Places taken and free, so the page can say "3 of 14 places free". */
    capacity: z.number().int(),
    enrolled: z.number().int(),
    waitlisted: z.number().int(),
  })
  .meta({ id: "TrainingParticipantList" });

export const ParticipantParams = z.object({ cohortId: Id, participantId: Id });

/**
 * A registration. An admin registers a member of their own organisation (`userId`); the
 * coordination registers any member, or a person without an account (name, e-mail, organisation).
 * A full cohort puts the person on the waiting list unless `waitlist` is false (then 409, nothing written).
 */
export const RegistrationInput = z.object({
  userId: Id.optional(),
  name: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(254).optional(),
  organisationId: Id.optional(),
  organisationName: z.string().trim().min(1).max(300).optional(),
  organisationType: z.enum(ORGANISATION_TYPES).optional(),
  role: z.enum(PARTICIPANT_ROLES),
  waitlist: z.boolean().default(true),
});
export type RegistrationInput = z.input<typeof RegistrationInput>;

export const DecisionInput = z.object({
  decision: z.enum(["approve", "decline"]),
  waitlist: z.boolean().default(true),
});

/** Members an admin (or the coordination) may register, for the picker. */
export const RegistrableMembers = z
  .object({
    items: z.array(
      z.object({ userId: Id, name: z.string(), organisationId: Id, organisationName: z.string() }),
    ),
  })
  .meta({ id: "TrainingRegistrableMembers" });

/** The mix of actor groups among the enrolled participants (counts, not people). */
export const CohortMix = z
  .object({
    total: z.number().int(),
    byOrganisationType: z.array(z.object({ type: z.enum(ORGANISATION_TYPES), count: z.number().int() })),
    byRole: z.array(z.object({ role: z.enum(PARTICIPANT_ROLES), count: z.number().int() })),
    organisations: z.number().int().describe("Distinct organisations"),
  })
  .meta({ id: "TrainingCohortMix" });
export type CohortMix = z.infer<typeof CohortMix>;

/** A cohort open for public applications, as the public form shows it (no participant data). */
export const OpenCohort = z
  .object({
    id: Id,
    title: z.string(),
    programmeTitle: z.string(),
    programmeDescription: z.string(),
    targetGroups: z.string(),
    startsOn: Day,
    endsOn: Day,
    location: z.string().nullable(),
    online: z.boolean(),
    full: z.boolean().describe("New applicants may come onto the waiting list"),
  })
  .meta({ id: "TrainingOpenCohort" });
export const OpenCohortList = z.object({ items: z.array(OpenCohort) }).meta({ id: "TrainingOpenCohortList" });

export const ApplicationInput = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(254),
  organisationName: z.string().trim().min(1).max(300),
  organisationType: z.enum(ORGANISATION_TYPES),
  role: z.enum(PARTICIPANT_ROLES),
  motivation: z.string().trim().max(2000).optional(),
  locale: z.enum(LOCALES).default("de").describe("Language of the confirmation mail"),
  consent: z.literal(true).describe("The applicant agrees that the coordination stores the data to decide"),
});
export type ApplicationInput = z.input<typeof ApplicationInput>;

export const ApplicationReceipt = z
  .object({ received: z.literal(true) })
  .meta({ id: "TrainingApplicationReceipt" });
