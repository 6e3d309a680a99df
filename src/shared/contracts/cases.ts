import { z } from "zod";
import {
  ACCESS_ROUTES,
  ART9_FIELDS,
  CASE_OUTCOMES,
  CASE_STATUSES,
  CONTACT_INITIATORS,
  CONTACT_MODES,
  COUNSELLING_TYPES,
  SPECIAL_LEGAL_BASES,
} from "#shared/cases.ts";
import { ClientCreate, DateOnly } from "./clients.ts";
import { Id, PageQuery, page, Timestamp } from "./common.ts";

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const Phase = z.number().int().min(1).max(5).describe("IQ phase 1–5");
const Person = z.object({ id: Id, name: z.string() }).describe("A member of the organisation");

export const CaseParams = z.object({ caseId: Id });
export const CaseItemParams = z.object({ caseId: Id, itemId: Id });

/** Opening a case: for a client of the organisation, or together with a new client record. */
export const CaseCreate = z
  .object({
    clientId: Id.optional().describe("An existing client of the organisation"),
    client: ClientCreate.optional().describe("A new client, created with the case"),
    phase: Phase.default(1),
    goals: optionalText(4000).describe("What the person wants to reach"),
    assigneeUserId: Id.nullable().optional().describe("Counsellor or volunteer; default: the creator"),
  })
  .refine((v) => (v.clientId === undefined) !== (v.client === undefined), {
    message: "client_or_client_id",
    path: ["clientId"],
  })
  .meta({ id: "CaseCreate" });
export type CaseCreate = z.input<typeof CaseCreate>;

/** A change of a case; fields left out stay as they are. Needs If-Match. */
export const CaseUpdate = z
  .object({
    status: z.enum(CASE_STATUSES).optional(),
    outcome: z.enum(CASE_OUTCOMES).nullable().optional().describe("Required when the case is closed"),
    phase: Phase.optional(),
    goals: optionalText(4000),
    assigneeUserId: Id.nullable().optional(),
  })
  .meta({ id: "CaseUpdate" });
export type CaseUpdate = z.infer<typeof CaseUpdate>;

export const CaseAbilities = z.object({
  update: z.boolean().describe("Change status, phase, goals"),
  assign: z.boolean(),
  document: z.boolean().describe("Add contacts, notes and next steps"),
  readSpecial: z.boolean().describe("See special-category notes and client fields"),
  manageConsents: z.boolean(),
  manageRecognition: z.boolean(),
  exportClient: z.boolean(),
  eraseClient: z.boolean(),
});

/**
 * Whether the case holds special-category data (Art. 9 DSGVO) and on which basis. `covered` is
 * false when such data is there without a documentation consent covering special categories or
 * another recorded legal basis: the case page then warns and says what to do.
 */
export const SpecialDataStatus = z
  .object({
    fields: z.array(z.enum(ART9_FIELDS)).describe("Art. 9 fields of the client that hold a value"),
    specialNotes: z.number().int().describe("Notes of this case marked as special category"),
    purposeRecorded: z.boolean().describe("A purpose and a legal basis are stated on the client record"),
    legalBasis: z.enum(SPECIAL_LEGAL_BASES).nullable(),
    documentationConsent: z
      .boolean()
      .describe("An active consent to counselling documentation covers special categories"),
    covered: z.boolean().describe("No special data, or special data with a consent or legal basis"),
  })
  .meta({ id: "SpecialDataStatus" });
export type SpecialDataStatus = z.infer<typeof SpecialDataStatus>;

export const Case = z
  .object({
    id: Id,
    organisationId: Id,
    pseudonym: z.string().describe("Code that stands for the case in event logs and analytics"),
    client: z.object({
      id: Id,
      name: z.string(),
      pseudonym: z.string(),
      preferredLanguages: z.array(z.string()),
      districtAgs: z.string().nullable(),
    }),
    status: z.enum(CASE_STATUSES),
    outcome: z.enum(CASE_OUTCOMES).nullable(),
    phase: Phase,
    goals: z.string().nullable(),
    assignee: Person.nullable(),
    openedAt: Timestamp,
    closedAt: Timestamp.nullable(),
    version: z.number().int().describe("Send back as If-Match (also the ETag) when updating"),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    abilities: CaseAbilities,
    specialData: SpecialDataStatus.nullable().describe(
      "Null for those who may not see special categories (volunteers)",
    ),
  })
  .meta({ id: "Case" });
export type Case = z.infer<typeof Case>;

export const DUE_FILTERS = ["overdue", "next_7_days", "any_open"] as const;
export const CaseListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional().describe("Part of the client's name or the case pseudonym"),
  phase: z.coerce.number().int().min(1).max(5).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  assignee: z
    .union([Id, z.literal("me"), z.literal("none")])
    .optional()
    .describe("A user id, me or none"),
  due: z.enum(DUE_FILTERS).optional().describe("Only cases with open next steps due in that window"),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const CaseListItem = z.object({
  id: Id,
  pseudonym: z.string(),
  clientName: z.string(),
  status: z.enum(CASE_STATUSES),
  phase: Phase,
  assignee: Person.nullable(),
  nextDue: DateOnly.nullable().describe("Earliest due date of the open next steps"),
  openedAt: Timestamp,
  updatedAt: Timestamp,
});
export const CaseList = page(CaseListItem).meta({ id: "CaseList" });
export type CaseList = z.infer<typeof CaseList>;

/** Who a case can be assigned to: active counsellors and volunteers of the organisation. */
export const Assignees = z
  .object({ items: z.array(Person.extend({ role: z.enum(["counsellor", "volunteer"]) })) })
  .meta({ id: "Assignees" });

export const ContactCreate = z
  .object({
    date: DateOnly.describe("Day of the contact"),
    mode: z.enum(CONTACT_MODES),
    durationMinutes: z.number().int().min(1).max(600),
    counsellingType: z.enum(COUNSELLING_TYPES),
    initiatedBy: z.enum(CONTACT_INITIATORS),
    accessRoute: z.enum(ACCESS_ROUTES).nullable().optional().describe("How the person found the way here"),
    summary: optionalText(4000).describe("What was advised"),
  })
  .meta({ id: "ContactCreate" });
export type ContactCreate = z.infer<typeof ContactCreate>;
export const Contact = ContactCreate.extend({
  id: Id,
  accessRoute: z.enum(ACCESS_ROUTES).nullable(),
  summary: z.string().nullable(),
  counsellor: Person.nullable(),
  createdAt: Timestamp,
}).meta({ id: "Contact" });
export const ContactList = z.object({ items: z.array(Contact) }).meta({ id: "ContactList" });

export const NoteCreate = z
  .object({
    body: z.string().trim().min(1).max(8000),
    special: z.boolean().default(false).describe("Holds special-category data; hidden from volunteers"),
  })
  .meta({ id: "NoteCreate" });
export const Note = z
  .object({ id: Id, body: z.string(), special: z.boolean(), author: Person.nullable(), createdAt: Timestamp })
  .meta({ id: "Note" });
export const NoteList = z.object({ items: z.array(Note) }).meta({ id: "NoteList" });

export const NextStepCreate = z
  .object({
    title: z.string().trim().min(1).max(500),
    dueDate: DateOnly.nullable().optional(),
    offerId: Id.nullable().optional().describe("An offer of the directory the step leads to"),
    procedureId: Id.nullable().optional().describe("The recognition procedure whose differences it closes"),
  })
  .meta({ id: "NextStepCreate" });
export type NextStepCreate = z.infer<typeof NextStepCreate>;
export const NextStepUpdate = z
  .object({
    title: z.string().trim().min(1).max(500).optional(),
    dueDate: DateOnly.nullable().optional(),
    done: z.boolean().optional(),
  })
  .meta({ id: "NextStepUpdate" });
export const NextStep = z
  .object({
    id: Id,
    title: z.string(),
    dueDate: DateOnly.nullable(),
    offer: z.object({ id: Id, name: z.string(), organisationName: z.string() }).nullable(),
    procedureId: Id.nullable(),
    doneAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: "NextStep" });
export type NextStep = z.infer<typeof NextStep>;
export const NextStepList = z.object({ items: z.array(NextStep) }).meta({ id: "NextStepList" });

/** Kinds of timeline event; the client translates each under cases.timeline.kinds. */
export const CASE_EVENT_KINDS = [
  "case_opened",
  "status_changed",
  "phase_changed",
  "assigned",
  "goals_changed",
  "contact_added",
  "note_added",
  "next_step_added",
  "next_step_done",
  "next_step_reopened",
  "client_updated",
  "consent_given",
  "consent_withdrawn",
  "qualification_added",
  "procedure_opened",
  "procedure_state_changed",
  "procedure_updated",
  "referral_sent",
  "referral_changed",
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];
export const TimelineEvent = z
  .object({
    id: z.number().int(),
    at: Timestamp,
    kind: z.enum(CASE_EVENT_KINDS),
    actor: Person.nullable(),
    subjectId: Id.nullable(),
    details: z.record(z.string(), z.unknown()).describe("Codes of the change, e.g. { from: 1, to: 2 }"),
  })
  .meta({ id: "TimelineEvent" });
export type TimelineEvent = z.infer<typeof TimelineEvent>;
export const Timeline = z.object({ items: z.array(TimelineEvent) }).meta({ id: "Timeline" });

/** A date that a counsellor must not miss, for the start page. */
export const DEADLINE_KINDS = ["next_step", "authority_decision", "permit_16d"] as const;
export const Deadline = z.object({
  kind: z.enum(DEADLINE_KINDS),
  dueDate: DateOnly,
  overdue: z.boolean(),
  caseId: Id.nullable(),
  casePseudonym: z.string().nullable(),
  clientName: z.string(),
  /** The next step's title; for the recognition deadlines the reference occupation. */
  title: z.string(),
  subjectId: Id.describe("The next step or recognition procedure"),
});
export type Deadline = z.infer<typeof Deadline>;
export const DeadlineQuery = z.object({
  scope: z.enum(["mine", "organisation"]).default("mine").describe("My cases, or all the caller may see"),
});
export const DeadlineList = z.object({ items: z.array(Deadline) }).meta({ id: "DeadlineList" });
