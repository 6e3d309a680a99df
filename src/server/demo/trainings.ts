import { and, asc, eq, inArray, ne } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { ensureSeedProgrammes } from "#server/modules/trainings/seed-programmes.ts";
import {
  trainingCohorts,
  trainingCohortTrainers,
  trainingParticipants,
  trainingProgrammes,
} from "#server/modules/trainings/tables.ts";
import { memberships, organisations, users } from "#server/platform/tables.ts";
import type { OrganisationType } from "#shared/domain.ts";
import type { CohortStatus, SeedProgrammeKey } from "#shared/trainings.ts";

/** The demo cohorts' titles: the other parts of the trainings module find the cohorts by these. */
export const DEMO_COHORTS = {
  completed: "Diversity-Beratung in eigener Organisation 2026/1",
  running: "KomBI-Laufbahnberatung Herbst 2026",
  planned: "Diversity-Beratung in eigener Organisation 2027/1",
} as const;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

type Spec = {
  title: string;
  programme: SeedProgrammeKey;
  startsOn: string;
  endsOn: string;
  location: string | null;
  online: boolean;
  capacity: number;
  registrationOpen: boolean;
  status: CohortStatus;
  /** Demo logins that take part, then organisations with how many of their staff take part. */
  logins: string[];
  orgs: [key: string, n: number][];
  applicants?: {
    name: string;
    email: string;
    organisationName: string;
    type: OrganisationType;
    motivation: string;
  }[];
};

const SPECS: Spec[] = [
  {
    title: DEMO_COHORTS.completed,
    programme: "diversity",
    startsOn: day(-150),
    endsOn: day(-60),
    location: "Magdeburg, Haus der Vielfalt, Breiter Weg 12",
    online: false,
    capacity: 14,
    registrationOpen: false,
    status: "completed",
    logins: ["unternehmen@lotse.example"],
    // 14 participants from 8 organisations (with unternehmen@'s company): companies, education, city
    // administrations, civil society.
    orgs: [
      ["co-sk", 2],
      ["bt-hal", 2],
      ["bt-blk", 2],
      ["ca-md", 2],
      ["ca-hal", 2],
      ["wa-boerde", 2],
      ["mo-dessau", 1],
    ],
  },
  {
    title: DEMO_COHORTS.running,
    programme: "kombi",
    startsOn: day(-42),
    endsOn: day(28),
    location: "Halle (Saale), IQ Beratungsstelle, Leipziger Straße 5",
    online: false,
    capacity: 12,
    registrationOpen: false,
    status: "running",
    logins: ["ehrenamt@lotse.example", "beratung@lotse.example"],
    // Volunteers and migrant organisations, Jobcenter, companies, vocational schools.
    orgs: [
      ["mo-hal", 2],
      ["mo-wb", 1],
      ["jc-md", 2],
      ["jc-slk", 1],
      ["co-jl", 2],
      ["bt-abi", 2],
    ],
  },
  {
    title: DEMO_COHORTS.planned,
    programme: "diversity",
    startsOn: day(60),
    endsOn: day(150),
    location: "Magdeburg, Haus der Vielfalt, Breiter Weg 12",
    online: false,
    capacity: 14,
    registrationOpen: true,
    status: "planned",
    logins: [],
    orgs: [
      ["co-harz", 1],
      ["ca-stendal", 2],
      ["bt-msh", 1],
      ["wa-jl", 1],
    ],
    applicants: [
      {
        name: "Samira Benali",
        email: "samira.benali@example.org",
        organisationName: "Kita-Verbund Altmark",
        type: "education_provider",
        motivation:
          "Wir wollen unser Team interkulturell öffnen und suchen dafür eine Ansprechperson im Haus.",
      },
      {
        name: "Dirk Hansen",
        email: "d.hansen@example.org",
        organisationName: "Stadtwerke Burg",
        type: "company",
        motivation:
          "Als Ausbildungsleiter möchte ich Barrieren für Bewerbende mit Migrationsgeschichte abbauen.",
      },
    ],
  },
];

type Person = {
  userId: string;
  name: string;
  email: string;
  organisationId: string;
  organisationName: string;
  organisationType: OrganisationType;
  role: string;
};

const personColumns = {
  userId: users.id,
  name: users.name,
  email: users.email,
  organisationId: organisations.id,
  organisationName: organisations.name,
  organisationType: organisations.type,
  role: memberships.role,
};

/**
 * Seeds the three demo cohorts (DEMO_COHORTS) with their trainer training@lotse.example and their
 * participants from the demo organisations, and two public applications waiting for approval.
 * Does nothing for a cohort whose title exists already.
 */
export async function seedDemoTrainings(tx: Tx, idOf: Map<string, string>) {
  await ensureSeedProgrammes(tx);
  const coordination = idOf.get("coordination");
  if (!coordination) return 0;
  const [coordinator] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, "koordination@lotse.example"));
  const [trainer] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, "training@lotse.example"));
  let n = 0;
  for (const spec of SPECS) {
    const [exists] = await tx
      .select({ id: trainingCohorts.id })
      .from(trainingCohorts)
      .where(eq(trainingCohorts.title, spec.title));
    if (exists) continue;
    const [programme] = await tx
      .select({ id: trainingProgrammes.id })
      .from(trainingProgrammes)
      .where(eq(trainingProgrammes.key, spec.programme));
    if (!programme) continue;
    const [cohort] = await tx
      .insert(trainingCohorts)
      .values({
        programmeId: programme.id,
        organisationId: coordination,
        title: spec.title,
        startsOn: spec.startsOn,
        endsOn: spec.endsOn,
        location: spec.location,
        online: spec.online,
        capacity: spec.capacity,
        registrationOpen: spec.registrationOpen,
        status: spec.status,
        createdBy: coordinator?.id ?? null,
      })
      .returning({ id: trainingCohorts.id });
    if (!cohort) continue;
    if (trainer) await tx.insert(trainingCohortTrainers).values({ cohortId: cohort.id, userId: trainer.id });

    const people: Person[] = [];
    if (spec.logins.length > 0) {
      const logins = await tx
        .select(personColumns)
        .from(users)
        .innerJoin(memberships, eq(memberships.userId, users.id))
        .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
        .where(inArray(users.email, spec.logins))
        .orderBy(asc(organisations.name));
      for (const email of spec.logins) {
        const first = logins.find((l) => l.email === email);
        if (first) people.push(first);
      }
    }
    for (const [key, count] of spec.orgs) {
      const orgId = idOf.get(key);
      if (!orgId) continue;
      const staff = await tx
        .select(personColumns)
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
        .where(and(eq(memberships.organisationId, orgId), ne(memberships.role, "org_admin")))
        .orderBy(asc(users.email));
      people.push(...staff.filter((s) => !people.some((p) => p.userId === s.userId)).slice(0, count));
    }
    // Registered in turn by their organisation's admin, a few minutes apart (the waiting list order).
    const base = Date.now() - 30 * 86_400_000;
    const rows = people.map((p, i) => ({
      cohortId: cohort.id,
      userId: p.userId,
      name: p.name,
      email: p.email,
      organisationId: p.organisationId,
      organisationName: p.organisationName,
      organisationType: p.organisationType,
      role:
        p.organisationType === "migrant_organisation" || p.role === "volunteer"
          ? ("volunteer" as const)
          : ("staff" as const),
      status: "enrolled" as const,
      registeredBy: coordinator?.id ?? null,
      createdAt: new Date(base + i * 600_000),
      updatedAt: new Date(base + i * 600_000),
    }));
    const applicants = (spec.applicants ?? []).map((a, i) => ({
      cohortId: cohort.id,
      userId: null,
      name: a.name,
      email: a.email,
      organisationId: null,
      organisationName: a.organisationName,
      organisationType: a.type,
      role: "staff" as const,
      status: "applied" as const,
      motivation: a.motivation,
      createdAt: new Date(Date.now() - (3 - i) * 86_400_000),
      updatedAt: new Date(Date.now() - (3 - i) * 86_400_000),
    }));
    if (rows.length + applicants.length > 0)
      await tx.insert(trainingParticipants).values([...rows, ...applicants]);
    n++;
  }
  return n;
}
