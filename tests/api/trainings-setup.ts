import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import {
  trainingCohorts,
  trainingCohortTrainers,
  trainingGoals,
  trainingParticipants,
  trainingProgrammes,
  trainingSessions,
} from "../../src/server/db/schema.ts";
import type { OrganisationType, Role } from "../../src/shared/domain.ts";
import type { createTestApp } from "../helpers/app.ts";
import { buildCoordinator, buildOrganisation, buildUser } from "../helpers/factories.ts";

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export const ok = async (res: Promise<{ statusCode: number; body: string }>, status = 200) => {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return JSON.parse(r.body || "null");
};

const TYPES: OrganisationType[] = [
  "company",
  "education_provider",
  "city_administration",
  "migrant_organisation",
  "jobcenter",
  "welfare_association",
  "chamber",
  "counselling_service",
];
const ROLE_OF: Record<OrganisationType, Role> = {
  company: "company_contact",
  education_provider: "trainer",
  city_administration: "counsellor",
  migrant_organisation: "volunteer",
  jobcenter: "counsellor",
  welfare_association: "counsellor",
  chamber: "counsellor",
  counselling_service: "counsellor",
  network_coordination: "network_coordinator",
  employment_agency: "counsellor",
  other: "counsellor",
};

/** Days from today as YYYY-MM-DD (UTC). */
export const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * A training world written straight into the tables (so each part's tests stand on their own):
 * the coordination office with a coordinator; a programme with `goals` learning goals; a cohort
 * running from 10 days ago to 30 days ahead, taught by `trainer`; `participants` enrolled members
 * (with accounts) from `orgs` organisations of different types, each organisation with an admin;
 * `sessions` sessions of 3 hours, the first ones in the past; a second cohort taught by
 * `otherTrainer` with a participant of its own; an organisation with an admin that takes no part.
 */
export async function trainingWorld(
  t: TestApp,
  opts: { participants?: number; orgs?: number; sessions?: number; goals?: number } = {},
) {
  const { participants: n = 6, orgs: m = 3, sessions: s = 4, goals: g = 3 } = opts;
  const tag = randomUUID().slice(0, 6);
  const { org: coordination, coordinator } = await buildCoordinator(t.db);
  const provider = await buildOrganisation(t.db, { name: `Bildung ${tag}`, type: "education_provider" });
  const trainer = await buildUser(t.db, { organisationId: provider.id, role: "trainer" });
  const otherTrainer = await buildUser(t.db, { organisationId: provider.id, role: "trainer" });
  const [programme] = await t.db
    .insert(trainingProgrammes)
    .values({ title: `Diversity-Beratung ${tag}`, hours: 3 * s, modules: s, minAttendancePercent: 75 })
    .returning();
  if (!programme) throw new Error("no programme");
  const goals = await t.db
    .insert(trainingGoals)
    .values(
      Array.from({ length: g }, (_, i) => ({
        programmeId: programme.id,
        position: i + 1,
        text: { de: `Lernziel ${i + 1}`, en: `Learning goal ${i + 1}`, ar: `هدف التعلم ${i + 1}` },
      })),
    )
    .returning();
  const cohortValues = (title: string) => ({
    programmeId: programme.id,
    organisationId: coordination.id,
    title,
    startsOn: day(-10),
    endsOn: day(30),
    location: "Magdeburg, Breiter Weg 1",
    capacity: n + 2,
    status: "running" as const,
  });
  const [cohort] = await t.db
    .insert(trainingCohorts)
    .values(cohortValues(`Kohorte A ${tag}`))
    .returning();
  const [otherCohort] = await t.db
    .insert(trainingCohorts)
    .values(cohortValues(`Kohorte B ${tag}`))
    .returning();
  if (!cohort || !otherCohort) throw new Error("no cohort");
  await t.db.insert(trainingCohortTrainers).values([
    { cohortId: cohort.id, userId: trainer.id },
    { cohortId: otherCohort.id, userId: otherTrainer.id },
  ]);

  const organisations = [];
  for (let i = 0; i < m; i++) {
    const type = TYPES[i % TYPES.length] ?? "other";
    const org = await buildOrganisation(t.db, { name: `Teilnehmerorganisation ${i + 1} ${tag}`, type });
    const admin = await buildUser(t.db, { organisationId: org.id, role: "org_admin" });
    organisations.push({ org, admin, type });
  }
  const people = [];
  for (let i = 0; i < n; i++) {
    const o = organisations[i % m];
    if (!o) throw new Error("no organisation");
    const user = await buildUser(t.db, {
      organisationId: o.org.id,
      role: ROLE_OF[o.type],
      name: `Teilnehmende ${i + 1} ${tag}`,
    });
    const [participant] = await t.db
      .insert(trainingParticipants)
      .values({
        cohortId: cohort.id,
        userId: user.id,
        name: user.name,
        email: user.email,
        organisationId: o.org.id,
        organisationName: o.org.name,
        organisationType: o.type,
        role: o.type === "migrant_organisation" ? "volunteer" : "staff",
        status: "enrolled",
        registeredBy: o.admin.id,
      })
      .returning();
    if (!participant) throw new Error("no participant");
    people.push({ user, participant, organisation: o });
  }
  const outsiderOrg = await buildOrganisation(t.db, { name: `Fremd ${tag}` });
  const outsiderAdmin = await buildUser(t.db, { organisationId: outsiderOrg.id, role: "org_admin" });
  const otherUser = await buildUser(t.db, { organisationId: outsiderOrg.id, role: "counsellor" });
  const [otherParticipant] = await t.db
    .insert(trainingParticipants)
    .values({
      cohortId: otherCohort.id,
      userId: otherUser.id,
      name: otherUser.name,
      email: otherUser.email,
      organisationId: outsiderOrg.id,
      organisationName: outsiderOrg.name,
      organisationType: "counselling_service",
      role: "staff",
      status: "enrolled",
    })
    .returning();

  // Sessions every 7 days from the cohort's start, 09:00–12:00 UTC.
  const start = new Date(`${day(-10)}T09:00:00Z`).getTime();
  const sessions = await t.db
    .insert(trainingSessions)
    .values(
      Array.from({ length: s }, (_, i) => ({
        cohortId: cohort.id,
        startsAt: new Date(start + i * 7 * 86_400_000),
        endsAt: new Date(start + i * 7 * 86_400_000 + 3 * 3_600_000),
        topic: `Modul ${i + 1}`,
        goalIds: goals.slice(0, 2).map((goal) => goal.id),
        place: "Raum 2",
        status: start + i * 7 * 86_400_000 < Date.now() ? ("held" as const) : ("planned" as const),
      })),
    )
    .returning();
  sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());

  return {
    tag,
    coordination,
    coordinator,
    provider,
    trainer,
    otherTrainer,
    programme,
    goals: goals.sort((a, b) => a.position - b.position),
    cohort,
    otherCohort,
    otherParticipant,
    otherUser,
    organisations,
    people,
    sessions,
    outsiderOrg,
    outsiderAdmin,
  };
}
