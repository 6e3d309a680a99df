import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The server log of this file's app goes to a file of its own (tests/helpers/app.ts reads these
// variables when the app is built), so that it can be searched for the names the probes plant.
const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "training-log-")), "server.log");
process.env.LOTSE_TEST_LOG = logFile;
process.env.LOTSE_TEST_LOG_LEVEL = "trace";
const { createTestApp } = await import("../helpers/app.ts");
const { ok, trainingWorld } = await import("./trainings-setup.ts");

const t = await createTestApp();

describe("the server log of the trainings routes", () => {
  it("holds no participant name, e-mail, post text or answer, through writes, refusals and tokens", async () => {
    const w = await trainingWorld(t, { participants: 3, orgs: 2, sessions: 3 });
    const coordinator = await t.loginAs(w.coordinator.email);
    const trainer = await t.loginAs(w.trainer.email);
    const participant = await t.loginAs(w.people[0]?.user.email ?? "");
    const name = `Zaineb Planted ${w.tag}`;
    const email = `zaineb.${w.tag}@example.org`;
    const secret = `Geheimnis im Austausch ${w.tag}`;
    const person = {
      name,
      email,
      organisationName: `Verein ${w.tag}`,
      organisationType: "other",
      role: "volunteer",
    };
    await ok(
      coordinator.request("POST", `/api/training-cohorts/${w.cohort.id}/participants`, { body: person }),
      201,
    );
    // Refusals carry the planted values in their bodies: the log must not echo them.
    await coordinator.request("POST", `/api/training-cohorts/${w.cohort.id}/participants`, { body: person });
    await coordinator.request("POST", `/api/training-cohorts/${w.cohort.id}/participants`, {
      body: { ...person, role: `boss ${name}` },
    });
    await t.app.inject({
      method: "POST",
      url: `/api/training-applications/cohorts/${w.cohort.id}`,
      payload: { ...person, consent: true, motivation: secret },
    });
    await ok(
      participant.request("POST", `/api/training-cohorts/${w.cohort.id}/exchange/posts`, {
        body: { body: secret },
      }),
      201,
    );
    await participant.request("POST", `/api/training-cohorts/${w.cohort.id}/exchange/posts`, {
      body: { body: `${secret}\u0000` },
    });
    await ok(
      trainer.request("PUT", `/api/training-sessions/${w.sessions[0]?.id}/attendance`, {
        body: { entries: w.people.map((p) => ({ participantId: p.participant.id, status: "present" })) },
      }),
    );
    await ok(
      trainer.request("POST", `/api/training-cohorts/${w.cohort.id}/evaluation-links`, {
        body: { phase: "pre" },
      }),
    );
    await t.app.inject({
      method: "POST",
      url: "/api/training-evaluations/AAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      payload: { answers: [{ goalId: w.goals[0]?.id, rating: 9, comment: secret }] },
    });
    for (const who of [coordinator, trainer, participant]) {
      await who.request("GET", `/api/training-cohorts/${w.cohort.id}/participants`);
      await who.request("GET", `/api/training-cohorts/${w.cohort.id}/attendance`);
      await who.request("GET", `/api/training-cohorts/${w.cohort.id}/exchange/posts`);
    }
    await t.app.close();
    const log = fs.readFileSync(logFile, "utf8");
    expect(log).toContain("/api/training-cohorts/");
    expect(log).not.toContain(name);
    expect(log).not.toContain(email);
    expect(log).not.toContain(secret);
    for (const p of w.people) {
      expect(log).not.toContain(p.participant.name);
      expect(log).not.toContain(p.participant.email);
    }
  });
});
