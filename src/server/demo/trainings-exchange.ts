import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import {
  trainingCohorts,
  trainingCohortTrainers,
  trainingMaterials,
  trainingParticipants,
  trainingPosts,
} from "#server/modules/trainings/tables.ts";

/** The demo cohorts whose exchange spaces get posts and materials (made by the core's demo data). */
export const DEMO_EXCHANGE_COHORTS = {
  running: "KomBI-Laufbahnberatung Herbst 2026",
  completed: "Diversity-Beratung in eigener Organisation 2026/1",
} as const;

type Script = {
  /** Days after the cohort's start; negative: days after its end (the space outlives the cohort). */
  day: number;
  /** "trainer" or the n-th participant with an account. */
  by: "trainer" | number;
  body: string;
  replies: { day: number; by: "trainer" | number; body: string }[];
};

const THREADS: Record<keyof typeof DEMO_EXCHANGE_COHORTS, Script[]> = {
  running: [
    {
      day: 1,
      by: "trainer",
      body: "Willkommen im Austausch! Hier können Sie Fragen zwischen den Terminen stellen und Material teilen. Die Folien von Modul 1 liegen unter Materialien.",
      replies: [
        {
          day: 2,
          by: 0,
          body: "Danke! Gibt es die Übersicht der Beratungsangebote entlang der Prozesskette auch als Liste?",
        },
        {
          day: 2,
          by: "trainer",
          body: "Ja, die Checkliste zu den Schnittstellen ist jetzt unter Materialien.",
        },
      ],
    },
    {
      day: 15,
      by: 1,
      body: "Wir suchen für eine Klientin mit Pflegeausbildung aus Syrien eine Anerkennungsberatung in Halle. Hat jemand einen direkten Kontakt? Infos zum Verfahren: https://www.anerkennung-in-deutschland.de",
      replies: [
        {
          day: 15,
          by: 2,
          body: "Die IQ-Anerkennungsberatung in Halle hat donnerstags offene Sprechstunde – ich schicke Ihnen die Durchwahl per Verweis.",
        },
      ],
    },
    {
      day: 29,
      by: 3,
      body: "Kurze Rückmeldung aus dem Jobcenter: Die Verweise mit Einwilligung kommen jetzt vollständig an. Das spart uns viele Rückfragen.",
      replies: [],
    },
  ],
  completed: [
    {
      day: 3,
      by: "trainer",
      body: "Zur Vorbereitung von Modul 2: Bitte bringen Sie ein Beispiel aus Ihrer Organisation mit, wo Vielfalt im Alltag sichtbar wird – oder fehlt.",
      replies: [{ day: 5, by: 0, body: "Bei uns: Stellenanzeigen nur auf Deutsch. Das bringe ich mit." }],
    },
    {
      day: -20,
      by: 4,
      body: "Unser Diversity-Check im Betrieb ist angelaufen. Wer mag, kann sich den Fragebogen ansehen – ich lade ihn hoch.",
      replies: [{ day: -19, by: 5, body: "Sehr gerne, wir planen das für die Stadtverwaltung im Frühjahr." }],
    },
  ],
};

const CHECKLIST = `Checkliste Schnittstellen entlang der IQ-Prozesskette

1. Erstkontakt: Wer nimmt auf, wer berät weiter?
2. Einwilligung vor jedem Verweis einholen und dokumentieren.
3. Anerkennungsberatung: Unterlagen vollständig übergeben.
4. Qualifizierung: Rückmeldung an die verweisende Stelle vereinbaren.
5. Arbeitsmarkt: Kontakt zu Unternehmen und Jobcenter abstimmen.
`;

/** The time of a scripted post: `day` days after the start, or -`day` days after the end. */
const at = (cohort: { startsOn: string; endsOn: string }, day: number, hour: number) => {
  const from = day < 0 ? cohort.endsOn : cohort.startsOn;
  const time = new Date(`${from}T${String(hour).padStart(2, "0")}:15:00Z`).getTime();
  return new Date(time + Math.abs(day) * 86_400_000);
};

/**
 * A few posts, replies and materials in the exchange spaces of the running and the completed demo
 * cohort (one post after the end, since the space outlives the cohort). Looks the cohorts up by
 * title; does nothing for a cohort that is absent or whose space already has posts. Returns how
 * many posts it wrote.
 */
export async function seedDemoTrainingsExchange(tx: Tx, _idOf?: Map<string, string>): Promise<number> {
  let written = 0;
  for (const key of ["running", "completed"] as const) {
    const [cohort] = await tx
      .select()
      .from(trainingCohorts)
      .where(eq(trainingCohorts.title, DEMO_EXCHANGE_COHORTS[key]));
    if (!cohort) continue;
    const [existing] = await tx
      .select({ id: trainingPosts.id })
      .from(trainingPosts)
      .where(eq(trainingPosts.cohortId, cohort.id))
      .limit(1);
    if (existing) continue;
    const [trainer] = await tx
      .select({ userId: trainingCohortTrainers.userId })
      .from(trainingCohortTrainers)
      .where(eq(trainingCohortTrainers.cohortId, cohort.id))
      .limit(1);
    const people = await tx
      .select({ userId: trainingParticipants.userId })
      .from(trainingParticipants)
      .where(
        and(
          eq(trainingParticipants.cohortId, cohort.id),
          eq(trainingParticipants.status, "enrolled"),
          isNotNull(trainingParticipants.userId),
        ),
      )
      .orderBy(asc(trainingParticipants.createdAt), asc(trainingParticipants.id));
    if (!trainer || people.length === 0) continue;
    const author = (by: "trainer" | number) =>
      by === "trainer" ? trainer.userId : (people[by % people.length]?.userId ?? trainer.userId);
    const now = Date.now();

    for (const script of THREADS[key]) {
      const createdAt = at(cohort, script.day, 9);
      if (createdAt.getTime() > now) continue;
      const [post] = await tx
        .insert(trainingPosts)
        .values({ cohortId: cohort.id, authorId: author(script.by), body: script.body, createdAt })
        .returning({ id: trainingPosts.id });
      if (!post) continue;
      written++;
      for (const [i, reply] of script.replies.entries()) {
        const replyAt = at(cohort, reply.day, 11 + i);
        if (replyAt.getTime() > now) continue;
        await tx.insert(trainingPosts).values({
          cohortId: cohort.id,
          parentId: post.id,
          authorId: author(reply.by),
          body: reply.body,
          createdAt: replyAt,
        });
        written++;
      }
    }

    const content = Buffer.from(CHECKLIST, "utf8");
    await tx.insert(trainingMaterials).values([
      {
        cohortId: cohort.id,
        title: "Checkliste Schnittstellen",
        fileName: "checkliste-schnittstellen.txt",
        mediaType: "text/plain",
        content,
        size: content.length,
        uploadedBy: trainer.userId,
        createdAt: at(cohort, 2, 10),
      },
      {
        cohortId: cohort.id,
        title: "Anerkennung in Deutschland – Informationsportal",
        url: "https://www.anerkennung-in-deutschland.de",
        uploadedBy: trainer.userId,
        createdAt: at(cohort, 1, 10),
      },
    ]);
  }
  return written;
}
