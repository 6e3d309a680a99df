import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, expectNoAxeViolations, launchBrowser, login, navLink, newPage } from "./browser.ts";

let browser: Browser;

type Membership = { organisationId: string; organisationName: string };
type Session = { csrfToken: string; active: Membership; memberships: Membership[] };
type Org = { id: string; name: string };

const session = async (page: Page): Promise<Session> => (await page.request.get("/api/session")).json();

/** One active offer of the organisation the page's person acts for. */
async function ownOffer(page: Page): Promise<{ id: string; org: Org }> {
  const s = await session(page);
  const res = await page.request.get(
    `/api/organisations/${s.active.organisationId}/offers?status=active&limit=1`,
  );
  const offer = (await res.json()).items[0];
  return { id: offer.id, org: { id: s.active.organisationId, name: s.active.organisationName } };
}

/** The counsellor refers the n-th case of the acting organisation to an offer (consent to follow). */
async function refer(page: Page, caseIndex: number, offerId: string): Promise<void> {
  const s = await session(page);
  const cases = await (await page.request.get("/api/cases?limit=10")).json();
  const res = await page.request.post(`/api/cases/${cases.items[caseIndex].id}/referrals`, {
    data: {
      offerId,
      items: [],
      consentOverrideReason: "Eilige Vermittlung, Einwilligung folgt schriftlich.",
      // Where the case has a consent, the reason is not asked and sending nothing must be confirmed.
      acknowledged: ["empty_selection"],
    },
    headers: { "X-CSRF-Token": s.csrfToken, "Idempotency-Key": `analytics-${Date.now()}-${Math.random()}` },
  });
  expect(res.status(), await res.text()).toBe(201);
}

/** Makes the counsellor act for one of their two organisations. */
async function actFor(page: Page, organisationId: string): Promise<void> {
  const s = await session(page);
  const res = await page.request.put("/api/session/organisation", {
    data: { organisationId },
    headers: { "X-CSRF-Token": s.csrfToken },
  });
  expect(res.status(), await res.text()).toBe(200);
}

async function loggedIn(email: string) {
  const { context, page } = await newPage(browser);
  await login(page, email);
  return { context, page };
}

// The demo's history runs along its interface register; the counsellor sends some more from each of
// their two organisations, to a training provider and to a company — pairs the history has not used.
let first: Org;
let second: Org;
let trainer: Org;
let company: Org;

beforeAll(async () => {
  browser = await launchBrowser();
  const t = await loggedIn(DEMO.trainer);
  const c = await loggedIn(DEMO.company);
  const counsellor = await loggedIn(DEMO.counsellor);
  try {
    const trainerOffer = await ownOffer(t.page);
    const companyOffer = await ownOffer(c.page);
    trainer = trainerOffer.org;
    company = companyOffer.org;
    const { memberships } = await session(counsellor.page);
    [first, second] = memberships.map((m) => ({ id: m.organisationId, name: m.organisationName })) as [
      Org,
      Org,
    ];

    await actFor(counsellor.page, first.id);
    // The first case goes on from the training provider to the company: a pathway with two steps.
    await refer(counsellor.page, 0, trainerOffer.id);
    await refer(counsellor.page, 1, trainerOffer.id);
    await refer(counsellor.page, 0, companyOffer.id);
    await actFor(counsellor.page, second.id);
    await refer(counsellor.page, 0, companyOffer.id);
  } finally {
    await Promise.all([t.context.close(), c.context.close(), counsellor.context.close()]);
  }
});
afterAll(async () => {
  await browser?.close();
});

const row = (page: Page, from: Org, to: Org) =>
  page
    .getByRole("table", { name: /^Schnittstellen: \d+, die größten Engpässe zuerst$/ })
    .getByRole("row")
    .filter({
      has: page.getByRole("rowheader", { name: new RegExp(`^${esc(from.name)} → ${esc(to.name)}`) }),
    });
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("interface analytics", () => {
  it("shows the coordination the network, the interface table, the flow and the times with figures", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.coordinator);
      await navLink(page, "Analysen").click();
      await page.getByRole("heading", { level: 1, name: "Analysen der Schnittstellen" }).waitFor();
      const tab = (name: string) => page.getByRole("tab", { name, exact: true });

      // The interface table: both interfaces of the first organisation, with their volume.
      await tab("Schnittstellen").click();
      const toTrainer = row(page, first, trainer);
      await toTrainer.waitFor();
      expect(Number(await toTrainer.getByRole("cell").nth(1).textContent())).toBeGreaterThanOrEqual(2);
      await row(page, first, company).waitFor();
      await row(page, second, company).waitFor();
      await expectNoAxeViolations(page);

      // Every chart is an image with a label, and its figures are a table that can be shown.
      await tab("Netzwerk").click();
      await page
        .getByRole("img", { name: /^Netzwerkgrafik mit \d+ Organisationen und \d+ Verbindungen/ })
        .waitFor();
      const network = page.getByRole("region", { name: "Netzwerk der Verweise" });
      await network.getByRole("button", { name: "Zahlen als Tabelle zeigen" }).click();
      const nodes = network.getByRole("table", { name: /^Organisationen im Netzwerk: \d+/ });
      const firstNode = nodes
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name: first.name }) });
      // Sent three referrals: volume, partners (2) and weighted degree are in the row.
      const cells = await firstNode.getByRole("cell").allInnerTexts();
      expect(Number(cells[1])).toBeGreaterThanOrEqual(3);
      expect(Number(cells[2])).toBeGreaterThanOrEqual(2);
      await expectNoAxeViolations(page);

      await tab("Zeiten und Landkreise").click();
      await page.getByRole("img", { name: /^Liniendiagramm der Bearbeitungszeiten/ }).waitFor();
      await page.getByRole("img", { name: /^Karte der 14 Landkreise/ }).waitFor();
      const times = page.getByRole("region", { name: "Bearbeitungszeiten pro Monat" });
      const months = times.getByRole("table", { name: /^Bearbeitungszeiten in \d+ Monaten$/ });
      const volumes = await months.locator("tbody tr td:nth-child(2)").allInnerTexts();
      expect(volumes.map(Number).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(4);
      await page
        .getByRole("table", { name: "Bearbeitungszeiten in den 14 Landkreisen und kreisfreien Städten" })
        .waitFor();
      await expectNoAxeViolations(page);

      await tab("Prozess").click();
      await page.getByRole("table", { name: /^Die \d+ häufigsten von \d+ direkten Folgen$/ }).waitFor();
      await expectNoAxeViolations(page);

      // Choosing a connection (what a click on an edge does) opens the interface table at its row.
      await tab("Netzwerk").click();
      await network.getByRole("button", { name: "Zahlen als Tabelle zeigen" }).click();
      await network
        .getByRole("button", { name: `Schnittstelle ${first.name} → ${trainer.name} zeigen` })
        .click();
      await page.getByText(`Ausgewählt: ${first.name} → ${trainer.name}`).waitFor();
      await tab("Schnittstellen").and(page.locator("[aria-selected='true']")).waitFor();
      expect(await toTrainer.getAttribute("aria-current")).toBe("true");

      // The CSV of the table answers as CSV, with the same interfaces.
      const href = await page.getByRole("link", { name: "Tabelle als CSV" }).getAttribute("href");
      expect(href).toBe("/api/analytics/interfaces.csv");
      const csv = await page.request.get(href as string);
      expect(csv.status()).toBe(200);
      expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
      expect(await csv.text()).toContain(trainer.name);

      // Filters go into the address, and the data follows them.
      await page
        .getByLabel("Landkreis / kreisfreie Stadt", { exact: true })
        .selectOption({ label: "Wittenberg" });
      await expect.poll(() => new URL(page.url()).searchParams.get("district")).toBe("15091");
      await page.getByLabel("Phase", { exact: true }).selectOption({ index: 1 });
      await expect.poll(() => new URL(page.url()).searchParams.get("phase")).toBe("1");
      await page.getByLabel("Von (Versand)").fill("2020-01-01");
      await expect.poll(() => new URL(page.url()).searchParams.get("from")).toBe("2020-01-01");
      // The view stays the one chosen while the filters change.
      expect(new URL(page.url()).searchParams.get("view")).toBe("interfaces");
      // The link follows the filters once the page has re-rendered with them.
      await expect
        .poll(() => page.getByRole("link", { name: "Tabelle als CSV" }).getAttribute("href"))
        .toBe("/api/analytics/interfaces.csv?from=2020-01-01&phase=1&district=15091");
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });

  it("shows a counsellor the interfaces of the organisation they act for only", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.counsellor);
      await actFor(page, second.id);
      await page.goto("/analytics?view=interfaces");
      await page.getByRole("heading", { level: 1, name: "Analysen der Schnittstellen" }).waitFor();
      await row(page, second, company).waitFor();
      const table = page.getByRole("table", { name: /^Schnittstellen: \d+, die größten Engpässe zuerst$/ });
      const names = await table.getByRole("rowheader").allInnerTexts();
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) expect(name).toContain(second.name);
      // The first organisation's referrals are not this organisation's business.
      expect(await row(page, first, trainer).count()).toBe(0);
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });
});
