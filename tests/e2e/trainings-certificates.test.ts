import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import { loadConfig } from "../../src/server/config.ts";
import { connect } from "../../src/server/db/client.ts";
import { type EmbeddedPostgres, freePort, startEmbeddedPostgres } from "../../src/server/db/embedded.ts";
import { runMigrations } from "../../src/server/db/migrate.ts";
import { trainingAttendance, trainingCertificates } from "../../src/server/db/schema.ts";
import type { App } from "../../src/server/deps.ts";
import { trainingWorld } from "../api/trainings-setup.ts";
import { DEFAULT_PASSWORD } from "../helpers/factories.ts";
import { chooseLanguage, expectNoAxeViolations, launchBrowser, login } from "./browser.ts";

// The demo network of the shared browser-test server has no cohort with attendance in this part
// alone, so this file runs its own Lotse (the built web app, a database of its own) with a training
// world written into the tables, and points the browser there.
let browser: Browser;
let embedded: EmbeddedPostgres;
let app: App;
let pool: { end(): Promise<void> };
let base: string;
let db: ReturnType<typeof connect>["db"];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lotse-e2e-certificates-"));

beforeAll(async () => {
  fs.chmodSync(dir, 0o755);
  embedded = await startEmbeddedPostgres({ dataDir: dir, log: { info() {}, warn: console.warn } });
  const connection = connect(embedded.url, 5);
  db = connection.db;
  pool = connection.pool;
  await runMigrations(connection.pool);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    LOTSE_DEMO_DATA: "false",
    PUBLIC_URL: base,
    LOTSE_ERASURE_LEDGER: path.join(dir, "erasure-ledger.jsonl"),
    LOTSE_PUBLIC_RATE_LIMIT: "100000",
  });
  app = await buildApp({ db, config, clientDir: path.resolve("dist/client") });
  await app.listen({ host: "127.0.0.1", port });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await pool?.end();
  await embedded?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A page on this file's own server. */
async function open(): Promise<{ page: Page; close: () => Promise<void> }> {
  const own = await browser.newContext({
    baseURL: base,
    locale: "de-DE",
    viewport: { width: 1280, height: 900 },
    reducedMotion: "reduce",
  });
  own.setDefaultTimeout(30_000);
  return { page: await own.newPage(), close: () => own.close() };
}

/** Six participants, two sessions held: four attended both, one half, one nothing (rule 75 %). */
async function world() {
  const w = await trainingWorld({ db } as Parameters<typeof trainingWorld>[0], { participants: 6, orgs: 3 });
  const held = w.sessions.filter((s) => s.status === "held");
  await db.insert(trainingAttendance).values(
    w.people.flatMap((p, i) =>
      held.map((s, k) => ({
        sessionId: s.id,
        participantId: p.participant.id,
        status: i < 4 || (i === 4 && k === 0) ? ("present" as const) : ("absent" as const),
      })),
    ),
  );
  return w;
}

/** Presses Tab until the element with this accessible label has the focus (the keyboard path). */
async function tabTo(page: Page, label: string) {
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return el?.labels?.[0]?.textContent ?? el?.getAttribute("aria-label") ?? "";
    });
    if (focused.includes(label)) return;
  }
  throw new Error(`${label} not reached by Tab`);
}

describe("certificates in the browser", () => {
  it("the coordinator issues for the cohort; the public page confirms, reports revoked and rejects a tampered code", async () => {
    const w = await world();

    // 1. The coordinator issues certificates for everyone eligible.
    const coordinator = await open();
    try {
      await login(coordinator.page, w.coordinator.email, DEFAULT_PASSWORD);
      await coordinator.page.goto(`/trainings/cohorts/${w.cohort.id}?tab=certificates`);
      const issue = coordinator.page.getByRole("button", {
        name: "Bescheinigungen für alle Berechtigten ausstellen",
      });
      await issue.click();
      await coordinator.page
        .getByRole("status")
        .filter({ hasText: "4 ausgestellt, 0 hatten schon eine, 2 unter der Mindestteilnahme" })
        .first()
        .waitFor();
      await coordinator.page.getByRole("link", { name: `PDF: ${w.people[0]?.participant.name}` }).waitFor();
      await expectNoAxeViolations(coordinator.page);

      // Revoke one with a reason through the dialog.
      await coordinator.page
        .getByRole("button", { name: `Bescheinigung von ${w.people[1]?.participant.name} widerrufen` })
        .click();
      const dialog = coordinator.page.getByRole("dialog", { name: "Bescheinigung widerrufen" });
      await dialog.getByLabel("Grund").selectOption({ label: "Anwesenheit korrigiert" });
      await expectNoAxeViolations(coordinator.page);
      await dialog.getByRole("button", { name: "Widerrufen" }).click();
      await coordinator.page.getByText(/widerrufen am .* \(Anwesenheit korrigiert\)/).waitFor();
    } finally {
      await coordinator.close();
    }

    const codeOf = async (i: number) => {
      const [c] = await db
        .select()
        .from(trainingCertificates)
        .where(
          and(
            eq(trainingCertificates.cohortId, w.cohort.id),
            eq(trainingCertificates.participantId, w.people[i]?.participant.id ?? ""),
          ),
        );
      if (!c) throw new Error("no certificate");
      return c.code;
    };
    const valid = await codeOf(0);
    const revoked = await codeOf(1);

    // The holder sees only their own certificate and downloads it.
    const holder = await open();
    try {
      await login(holder.page, w.people[0]?.user.email ?? "", DEFAULT_PASSWORD);
      await holder.page.goto(`/trainings/cohorts/${w.cohort.id}?tab=certificates`);
      const own = holder.page.getByRole("link", { name: `PDF: ${w.people[0]?.participant.name}` });
      await own.waitFor();
      expect(await holder.page.getByRole("link", { name: /^PDF: / }).count()).toBe(1);
      expect(await holder.page.getByText(w.people[2]?.participant.name ?? "").count()).toBe(0);
      await holder.page.getByLabel("Sprache der PDF").selectOption("en");
      const href = (await own.getAttribute("href")) ?? "";
      expect(href).toContain("lang=en");
      const pdf = await holder.page.request.get(href);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()["content-type"]).toBe("application/pdf");
      await expectNoAxeViolations(holder.page);
    } finally {
      await holder.close();
    }

    // 2. Anyone: the QR code's address confirms what was issued to whom.
    const visitor = await open();
    try {
      const { page } = visitor;
      await page.goto(`/verify/${valid}`);
      await page.getByText("Diese Bescheinigung ist gültig.").waitFor();
      await page.getByText(w.people[0]?.participant.name ?? "").waitFor();
      await page.getByText(w.programme.title).waitFor();
      await page.getByText(w.coordination.name).waitFor();
      await expectNoAxeViolations(page);
      await chooseLanguage(page, "العربية");
      await page.getByText("هذه الشهادة صالحة.").waitFor();
      await page.getByText("هدف التعلم 1").waitFor();
      await expectNoAxeViolations(page);
      await chooseLanguage(page, "Deutsch");

      // 3. By keyboard: a typed code with one symbol changed is not valid, and nothing else shows.
      await page.goto("/verify");
      await tabTo(page, "Prüfcode");
      const tampered = `${valid.slice(0, 7)}${valid[7] === "Z" ? "Y" : "Z"}${valid.slice(8)}`;
      await page.keyboard.type(tampered.toLowerCase());
      await page.keyboard.press("Enter");
      await page.getByText("Dieser Code ist nicht gültig.").waitFor();
      expect(await page.getByText(w.people[0]?.participant.name ?? "").count()).toBe(0);
      expect(await page.getByText(w.programme.title).count()).toBe(0);
      await expectNoAxeViolations(page);

      // 4. A revoked certificate says so with its date.
      const input = page.getByLabel("Prüfcode");
      await input.fill(revoked.match(/.{5}/g)?.join("-") ?? "");
      await input.press("Enter");
      await page.getByText(/Diese Bescheinigung wurde am .* widerrufen/).waitFor();
      expect(await page.getByText(w.people[1]?.participant.name ?? "").count()).toBe(0);
      await chooseLanguage(page, "العربية");
      await page.getByText(/ألغيت هذه الشهادة في/).waitFor();
      await expectNoAxeViolations(page);
    } finally {
      await visitor.close();
    }
  });
});
