import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { trainingAttendance, trainingCertificates, trainingCohorts } from "../../src/server/db/schema.ts";
import {
  DEMO_CERTIFICATE_COHORT,
  seedDemoTrainingsCertificates,
} from "../../src/server/demo/trainings-certificates.ts";
import { createTestApp } from "../helpers/app.ts";
import { trainingWorld } from "./trainings-setup.ts";

const t = await createTestApp();
const seed = () => t.db.transaction((tx) => seedDemoTrainingsCertificates(tx, new Map()));

describe("demo certificates", () => {
  it("issue nothing without the demo cohort or without its attendance, then once for those above the rule", async () => {
    expect(await seed()).toBe(0);
    const w = await trainingWorld(t, { participants: 5, orgs: 2 });
    await t.db
      .update(trainingCohorts)
      .set({ title: DEMO_CERTIFICATE_COHORT, status: "completed" })
      .where(eq(trainingCohorts.id, w.cohort.id));
    expect(await seed()).toBe(0);

    const held = w.sessions.filter((s) => s.status === "held");
    await t.db.insert(trainingAttendance).values(
      w.people.flatMap((p, i) =>
        held.map((s, k) => ({
          sessionId: s.id,
          participantId: p.participant.id,
          status: i === 0 && k === 0 ? ("absent" as const) : ("present" as const),
        })),
      ),
    );
    expect(await seed()).toBe(4);
    expect(await seed()).toBe(0);
    const rows = await t.db
      .select()
      .from(trainingCertificates)
      .where(eq(trainingCertificates.cohortId, w.cohort.id));
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.participantId)).not.toContain(w.people[0]?.participant.id);
    expect(rows[0]?.content.issuerName).toBe(w.coordination.name);
  });
});
