import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, launchBrowser, login, navigationEntries, navLink, newPage, passwordField } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const BASIC = ["Start", "Weiterbildungen", "Unsere Organisation", "Angebote", "Schnittstellen"];
const EXPECTED: [string, string, string[]][] = [
  [
    "network coordinator",
    DEMO.coordinator,
    [
      "Start",
      "Weiterbildungen",
      "Unsere Organisation",
      "Angebote",
      "Schnittstellen",
      "Analysen",
      "Mitglieder",
      "Organisationen",
      "Angebotsmatrix",
      "Audit-Protokoll",
      "Postausgang",
      "HSDS-Import",
    ],
  ],
  [
    "organisation admin",
    DEMO.admin,
    [
      "Start",
      "Mit mir geteilt",
      "Weiterbildungen",
      "Unsere Organisation",
      "Angebote",
      "Schnittstellen",
      "Analysen",
      "Mitglieder",
      "Audit-Protokoll",
    ],
  ],
  // Counselling roles find their cases right after the start page, and the referrals after them.
  [
    "counsellor",
    DEMO.counsellor,
    ["Start", "Fälle", "Verweise", "Kompetenzprofile", "Mit mir geteilt", ...BASIC.slice(1), "Analysen"],
  ],
  ["volunteer", DEMO.volunteer, ["Start", "Fälle", "Verweise", "Kompetenzprofile", ...BASIC.slice(1)]],
  ["trainer", DEMO.trainer, BASIC],
  // Companies receive referrals (placements) without keeping cases.
  ["company contact", DEMO.company, ["Start", "Verweise", "Mit mir geteilt", ...BASIC.slice(1)]],
];

describe("navigation by role", () => {
  for (const [role, email, entries] of EXPECTED) {
    it(`shows the ${role} exactly the modules of the role`, async () => {
      const { context, page } = await newPage(browser);
      try {
        await login(page, email);
        expect(await navigationEntries(page)).toEqual(entries);
        await expect.poll(() => page.title()).toMatch(/^Guten Tag, .+ · Lotse$/);
      } finally {
        await context.close();
      }
    });
  }

  it("hides the organisation switcher from a person with one membership", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.admin);
      await page.getByRole("button", { name: /^Benutzermenü:/ }).waitFor();
      expect(await page.getByRole("button", { name: /^Organisation wechseln/ }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it("lets a counsellor with two memberships switch the acting organisation", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.counsellor);
      const switcher = page.getByRole("button", { name: /^Organisation wechseln: / });
      const before = ((await switcher.textContent()) ?? "").trim();
      await switcher.click();
      const items = page.getByRole("menu").getByRole("menuitem");
      await items.first().waitFor();
      expect(await items.count()).toBe(2);
      const other = items.filter({ hasNotText: before });
      const target = ((await other.locator("p").first().textContent()) ?? "").trim();
      await other.click();

      await expect.poll(async () => ((await switcher.textContent()) ?? "").trim()).toBe(target);
      await page.getByText(`Sie handeln für ${target} als Berater*in.`).waitFor();

      // The profile page now shows the other organisation.
      await navLink(page, "Unsere Organisation").click();
      await page.getByRole("heading", { level: 1, name: target }).waitFor();
    } finally {
      await context.close();
    }
  });

  it("redirects to the login page without a session and returns to the wanted page after login", async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto("/members");
      await page.getByRole("heading", { level: 1, name: "Anmelden" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/login");
      expect(new URL(page.url()).searchParams.get("next")).toBe("/members");

      await page.getByLabel("E-Mail-Adresse").fill(DEMO.admin);
      await passwordField(page, "Passwort").fill("Lotse-Demo-2026!");
      await page.getByRole("button", { name: "Anmelden" }).click();
      await page.getByRole("heading", { level: 1, name: "Mitglieder" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/members");
    } finally {
      await context.close();
    }
  });

  it("logs out, after which the start page sends to the login page", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.volunteer);
      await page.getByRole("button", { name: /^Benutzermenü:/ }).click();
      await page.getByRole("menuitem", { name: "Abmelden" }).click();
      await page.getByRole("heading", { level: 1, name: "Anmelden" }).waitFor();

      await page.goto("/");
      await page.getByRole("heading", { level: 1, name: "Anmelden" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/login");
      const session = await page.request.get("/api/session");
      expect(session.status()).toBe(401);
    } finally {
      await context.close();
    }
  });

  it("tells a volunteer that the organisation directory is not theirs", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.volunteer);
      await page.goto("/organisations");
      await page.getByRole("heading", { level: 1, name: "Kein Zugriff" }).waitFor();
    } finally {
      await context.close();
    }
  });
});
