/**
 * Trainings of the network (DOMAIN.md "Trainings"): programmes with learning goals, cohorts with
 * sessions, participants, attendance, pre/post self-assessments, certificates and an exchange space.
 */

/** Where a cohort stands; a cancelled cohort keeps its records. */
export const COHORT_STATUSES = ["planned", "running", "completed", "cancelled"] as const;
export type CohortStatus = (typeof COHORT_STATUSES)[number];

/**
 * A participant's place in a cohort: an application without an account waits for the coordination
 * office (`applied`, then `declined` or a place); a full cohort puts newcomers on the waiting list.
 */
export const PARTICIPANT_STATUSES = ["applied", "declined", "waitlisted", "enrolled", "withdrawn"] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/** What a participant is in their organisation: the seed's trainings mix volunteers and staff. */
export const PARTICIPANT_ROLES = ["volunteer", "staff"] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** A session is planned, was held, or was cancelled (never deleted: the iCal feed says so). */
export const SESSION_STATUSES = ["planned", "held", "cancelled"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** Attendance per session and participant; present and late count as attended. */
export const ATTENDANCE_STATUSES = ["present", "late", "excused", "absent"] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDED: readonly AttendanceStatus[] = ["present", "late"];

/** The two self-assessments against the learning goals. */
export const EVALUATION_PHASES = ["pre", "post"] as const;
export type EvaluationPhase = (typeof EVALUATION_PHASES)[number];

/** The self-assessment scale: 1 (not at all) to 5 (fully). */
export const EVALUATION_SCALE = [1, 2, 3, 4, 5] as const;
/** The languages of the evaluation page and its mail. */
export const EVALUATION_LOCALES = ["de", "en", "ar"] as const;
export type EvaluationLocale = (typeof EVALUATION_LOCALES)[number];
/** Days an evaluation link stays valid. */
export const EVALUATION_LINK_DAYS = 21;

/** No figure on fewer answers than this (small-cell protection, like the funder statistics). */
export const MIN_EVALUATION_ANSWERS = 3;

/** The default certificate rule: share of the held sessions attended (present or late). */
export const DEFAULT_MIN_ATTENDANCE_PERCENT = 80;

/** Why a certificate was revoked. */
export const CERTIFICATE_REVOKE_REASONS = ["issued_in_error", "attendance_corrected", "other"] as const;
export type CertificateRevokeReason = (typeof CERTIFICATE_REVOKE_REASONS)[number];

/** The iCal feeds: one per cohort (trainers, coordination) and one per participant. */
export const FEED_KINDS = ["cohort", "participant"] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/** The programmes every installation starts with (the seed's two trainings). */
export const SEED_PROGRAMME_KEYS = ["kombi", "diversity"] as const;
export type SeedProgrammeKey = (typeof SEED_PROGRAMME_KEYS)[number];

/** Days before a cohort's start and after its end whose referrals the network effect compares. */
export const NETWORK_WINDOW_DAYS = { default: 180, min: 30, max: 730 } as const;
