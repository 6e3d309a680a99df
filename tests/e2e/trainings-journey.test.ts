import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiPost, DEMO, expectNoAxeViolations, launchBrowser, login, newPage } from "./browser.ts";

// The whole journey of a training, as issue 15 describes its check: the coordinator sets up a
// Diversity-Beratung cohort with 14 participants from 8 organisations; the trainer records attendance
// by keyboard; participants answer the pre and post self-assessments through their personal links;
// certificates go to those above the threshold; the public page confirms one and rejects a tampered code.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PROGRAMME = "Diversity-Beratung in eigener Organisation";
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const at = (offset: number, hour: number) => `${day(offset)}T${String(hour).padStart(2, "0")}:00:00.000Z`;

type Organisation = { id: string; name: string; type: string };
type Form = { goals: { id: string }[] };

async function getJson<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as T;
}

/** The personal evaluation links of a phase, read from the outbox (no SMTP in tests). */
async function evaluationTokens(page: Page, emails: string[], sentAfter: number): Promise<string[]> {
  const tokens: string[] = [];
  for (const email of emails) {
    const { items } = await getJson<{
      items: { template: string; bodyText: string; createdAt: string }[];
    }>(page, `/api/outbox?to=${encodeURIComponent(email)}&limit=50`);
    const mail = items
      .filter((m) => m.template === "training_evaluation" && Date.parse(m.createdAt) >= sentAfter)
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
    const token = /\/evaluation\?token=([A-Za-z0-9_-]+)/.exec(mail?.bodyText ?? "")?.[1];
    expect(token, email).toBeTruthy();
    tokens.push(token ?? "");
  }
  return tokens;
}

/** Answers one self-assessment in the browser, by keyboard: each goal's scale, then send. */
async function answerInBrowser(page: Page, token: string, steps: number) {
  await page.goto(`/evaluation?token=${token}`);
  const send = page.getByRole("button", { name: "Antworten absenden" });
  await send.waitFor();
  const radios = page.getByRole("radio");
  const goals = (await radios.count()) / 5;
  await radios.first().focus();
  for (let g = 0; g < goals; g++) {
    await page.keyboard.press("Space");
    for (let s = 1; s < steps; s++) await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
  }
  await expect.poll(() => page.getByRole("radio", { checked: true }).count()).toBe(goals);
  await send.focus();
  await page.keyboard.press("Enter");
  await page.getByText("Vielen Dank!").waitFor();
}

describe("a training from set-up to verified certificate", () => {
  it("runs a Diversity-Beratung cohort of 14 people from 8 organisations end to end", async () => {
    const stamp = Date.now();
    const title = `Diversity-Beratung Prüfdurchgang ${stamp}`;
    const emails = Array.from({ length: 14 }, (_, i) => `journey.${stamp}.${i}@example.org`);
    let cohortId = "";
    let sessionIds: string[] = [];
    const coordinator = await newPage(browser);
    try {
      const { page } = coordinator;
      // 1. The coordinator sets the cohort up in the form, with the demo trainer.
      await login(page, DEMO.coordinator);
      await page.goto("/trainings");
      await page.getByRole("button", { name: "Neue Kohorte" }).click();
      const dialog = page.getByRole("dialog", { name: "Neue Kohorte" });
      await dialog.getByLabel(/^Programm/).selectOption({ label: PROGRAMME });
      await dialog.getByLabel(/^Titel/).fill(title);
      await dialog.getByLabel(/^Beginn/).fill(day(-21));
      await dialog.getByLabel(/^Ende/).fill(day(0));
      await dialog.getByLabel(/^Ort oder Adresse/).fill("Magdeburg, Breiter Weg 12");
      await dialog.getByLabel(/^Plätze/).fill("14");
      await dialog.getByLabel(/^Stand/).selectOption({ label: "läuft" });
      await dialog.getByLabel("Trainer*innen").click();
      await page.getByRole("option", { name: /Thomas Richter/ }).click();
      await page.keyboard.press("Escape");
      await dialog.getByRole("button", { name: "Speichern" }).click();
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      cohortId = new URL(page.url()).pathname.split("/").pop() ?? "";

      // 2. Fourteen people from eight organisations of different kinds, without accounts.
      const { items } = await getJson<{ items: Organisation[] }>(page, "/api/organisations?limit=200");
      const byType = new Map<string, Organisation>();
      for (const o of items)
        if (o.type !== "network_coordination" && !byType.has(o.type)) byType.set(o.type, o);
      const eight = [...byType.values()].slice(0, 8);
      expect(eight).toHaveLength(8);
      for (const [i, email] of emails.entries()) {
        const org = eight[i % 8] as Organisation;
        await apiPost(page, `/api/training-cohorts/${cohortId}/participants`, {
          name: `Prüfperson ${i + 1} ${stamp}`,
          email,
          organisationId: org.id,
          role: org.type === "migrant_organisation" ? "volunteer" : "staff",
          waitlist: false,
        });
      }
      await page.goto(`/trainings/cohorts/${cohortId}?tab=overview`);
      await page
        .getByText(/14 von 14 belegt/)
        .first()
        .waitFor();

      // Three sessions in the past three weeks.
      const sessions = [];
      for (const offset of [-20, -13, -6]) {
        sessions.push(
          await apiPost<{ id: string }>(page, `/api/training-cohorts/${cohortId}/sessions`, {
            startsAt: at(offset, 8),
            endsAt: at(offset, 14),
            topic: `Modul ${offset}`,
          }),
        );
      }
      sessionIds = sessions.map((s) => s.id);
      await expectNoAxeViolations(page);
    } finally {
      await coordinator.context.close();
    }

    // 3. The trainer records attendance for every session by keyboard; the last two people miss
    // the second session and stay below the programme's 80 %.
    const trainer = await newPage(browser);
    try {
      const { page } = trainer;
      await login(page, DEMO.trainer);
      for (const [s, sessionId] of sessionIds.entries()) {
        await page.goto(`/trainings/cohorts/${cohortId}?tab=attendance&session=${sessionId}`);
        const groups = page.getByRole("radiogroup");
        await expect.poll(() => groups.count()).toBe(14);
        await groups.first().getByRole("radio", { name: "anwesend" }).focus();
        for (let i = 0; i < 14; i++) await page.keyboard.press(s === 1 && i >= 12 ? "a" : "p");
        await page.keyboard.press("Control+Enter");
        await page.getByText("Anwesenheit gespeichert (14 Personen).").waitFor();
      }
      await expectNoAxeViolations(page);

      // 4. The pre self-assessment: links for all by one action.
      await page.goto(`/trainings/cohorts/${cohortId}?tab=evaluations`);
      const preSent = Date.now() - 5_000;
      await page.getByRole("button", { name: "Links zur Vorher-Einschätzung verschicken" }).click();
      await page
        .getByText(/Links verschickt/)
        .first()
        .waitFor();
      const coordinatorReads = await newPage(browser);
      let pre: string[] = [];
      try {
        await login(coordinatorReads.page, DEMO.coordinator);
        pre = await evaluationTokens(coordinatorReads.page, emails, preSent);
      } finally {
        await coordinatorReads.context.close();
      }
      const visitor = await newPage(browser);
      try {
        await answerInBrowser(visitor.page, pre[0] ?? "", 2);
        const form = await getJson<Form>(visitor.page, `/api/training-evaluations/${pre[1]}`);
        for (const token of pre.slice(1, 12)) {
          const res = await visitor.page.request.post(`/api/training-evaluations/${token}`, {
            data: {
              answers: form.goals.map((g, i) => ({ goalId: g.id, rating: 1 + ((i + token.length) % 3) })),
            },
          });
          expect(res.status(), await res.text()).toBe(201);
        }
        // A link answers once.
        const again = await visitor.page.request.post(`/api/training-evaluations/${pre[0]}`, {
          data: { answers: form.goals.map((g) => ({ goalId: g.id, rating: 3 })) },
        });
        expect(again.status()).toBe(409);
      } finally {
        await visitor.context.close();
      }

      // 5. The post self-assessment, higher on every goal.
      const postSent = Date.now() - 1_000;
      await page.getByRole("button", { name: "Links zur Nachher-Einschätzung verschicken" }).click();
      await expect.poll(() => page.getByText(/Links verschickt/).count()).toBeGreaterThan(0);
      const coordinatorReadsAgain = await newPage(browser);
      let post: string[] = [];
      try {
        await login(coordinatorReadsAgain.page, DEMO.coordinator);
        post = await evaluationTokens(coordinatorReadsAgain.page, emails, postSent);
      } finally {
        await coordinatorReadsAgain.context.close();
      }
      const participantAgain = await newPage(browser);
      try {
        await answerInBrowser(participantAgain.page, post[0] ?? "", 5);
        const form = await getJson<Form>(participantAgain.page, `/api/training-evaluations/${post[1]}`);
        for (const token of post.slice(1, 12)) {
          const res = await participantAgain.page.request.post(`/api/training-evaluations/${token}`, {
            data: { answers: form.goals.map((g) => ({ goalId: g.id, rating: 4 + (token.length % 2) })) },
          });
          expect(res.status(), await res.text()).toBe(201);
        }
      } finally {
        await participantAgain.context.close();
      }
      await page.reload();
      await page.getByText("12 von 14 haben geantwortet").first().waitFor();
      await page.getByText("Wilcoxon-Vorzeichen-Rang-Test").first().waitFor();
      await expectNoAxeViolations(page);
    } finally {
      await trainer.context.close();
    }

    // 6. Certificates for those above the threshold, issued by the coordination office.
    let code = "";
    const issuer = await newPage(browser);
    try {
      const { page } = issuer;
      await login(page, DEMO.coordinator);
      await page.goto(`/trainings/cohorts/${cohortId}?tab=certificates`);
      await page.getByRole("button", { name: "Bescheinigungen für alle Berechtigten ausstellen" }).click();
      await expect
        .poll(async () => (await page.getByRole("status").allTextContents()).join(" | "))
        .toContain("12 ausgestellt, 0 hatten schon eine, 2 unter der Mindestteilnahme");
      await expectNoAxeViolations(page);
      const { rows } = await getJson<{
        rows: { name: string; current: { code: string } | null }[];
      }>(page, `/api/training-cohorts/${cohortId}/certificates`);
      expect(rows.filter((i) => i.current !== null)).toHaveLength(12);
      code = rows.find((i) => i.current !== null)?.current?.code ?? "";
      expect(code).not.toBe("");
    } finally {
      await issuer.context.close();
    }

    // 7. Anyone: the verification page confirms it and rejects a code with one symbol changed.
    const reader = await newPage(browser);
    try {
      const { page } = reader;
      await page.goto(`/verify/${code}`);
      await page.getByText("Diese Bescheinigung ist gültig.").waitFor();
      await page.getByText(PROGRAMME).first().waitFor();
      await expectNoAxeViolations(page);
      const last = code.at(-1) === "Z" ? "Y" : "Z";
      await page.goto(`/verify/${code.slice(0, -1)}${last}`);
      await page.getByText("Dieser Code ist nicht gültig.").waitFor();
      expect(await page.getByText(PROGRAMME).count()).toBe(0);
    } finally {
      await reader.context.close();
    }
  });
});
