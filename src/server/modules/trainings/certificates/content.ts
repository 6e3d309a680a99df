import type {
  CertificateContent,
  trainingCohorts,
  trainingParticipants,
} from "#server/modules/trainings/tables.ts";
import type { AttendanceTotal } from "#server/modules/trainings/totals.ts";
import type { Programme } from "#shared/contracts/trainings.ts";

/** Whether a participant meets the programme's certificate rule (attended share at or above the minimum). */
export function meetsRule(
  total: AttendanceTotal | undefined,
  programme: Pick<Programme, "minAttendancePercent">,
) {
  return total !== undefined && total.sessionsHeld > 0 && total.percent >= programme.minAttendancePercent;
}

/** What a certificate confirms, frozen at issue: later edits of names, goals or attendance do not change it. */
export function freezeContent(opts: {
  programme: Pick<Programme, "title" | "goals">;
  cohort: Pick<typeof trainingCohorts.$inferSelect, "title" | "startsOn" | "endsOn">;
  participant: Pick<typeof trainingParticipants.$inferSelect, "name" | "organisationName">;
  total: AttendanceTotal;
  issuerName: string;
}): CertificateContent {
  const { programme, cohort, participant, total } = opts;
  return {
    participantName: participant.name,
    organisationName: participant.organisationName || null,
    programmeTitle: programme.title,
    cohortTitle: cohort.title,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    goals: programme.goals.map((g) => g.text),
    hoursAttended: total.hoursAttended,
    hoursHeld: total.hoursHeld,
    sessionsAttended: total.sessionsAttended,
    sessionsHeld: total.sessionsHeld,
    issuerName: opts.issuerName,
  };
}
