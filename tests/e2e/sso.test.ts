import { randomBytes } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestProvider, type TestProvider } from "../helpers/oidc.ts";
import { httpLogin } from "../helpers/process.ts";
import {
  baseUrl,
  DEMO,
  DEMO_PASSWORD,
  expectNoAxeViolations,
  launchBrowser,
  login,
  newPage,
  passwordField,
} from "./browser.ts";

let browser: Browser;
let idp: TestProvider;
let coordination: Awaited<ReturnType<typeof httpLogin>>;
const domain = `sso-${randomBytes(3).toString("hex")}.example`;
let organisationId = "";
let organisationName = "";

/** Calls the API of the Lotse under test as the network coordinator. */
async function asCoordinator(method: string, path: string, body?: unknown) {
  const res = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: coordination.headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? undefined : res.json();
}

/** The provider as the first test enters it through the page; the later tests do not rely on that run. */
const providerSettings = () => ({
  displayName: "Dienstkonto Landkreis",
  issuer: idp.issuer,
  clientId: idp.clientId,
  clientSecret: idp.clientSecret,
  emailDomains: [domain],
  required: false,
});

beforeAll(async () => {
  browser = await launchBrowser();
  idp = await startTestProvider({ redirectUri: `${baseUrl()}/api/auth/sso/callback` });
  coordination = await httpLogin(baseUrl(), DEMO.coordinator, DEMO_PASSWORD);
  // An organisation of its own, so that the demo's login page stays as the other tests know it.
  organisationName = `Landkreis SSO ${Date.now()}`;
  const org = await asCoordinator("POST", "/api/organisations", {
    name: organisationName,
    type: "city_administration",
    districtAgs: "15085",
  });
  organisationId = org.id;
});
afterAll(async () => {
  // The provider goes with the test: other browser tests expect the login page without it.
  if (organisationId)
    await asCoordinator("DELETE", `/api/organisations/${organisationId}/sso`).catch(() => {});
  await idp?.close();
  await browser?.close();
});

describe("single sign-on", () => {
  it("lets the coordinator configure and check the provider on the organisation's page", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.coordinator);
      await page.goto(`/organisations/${organisationId}`);
      const panel = page.getByRole("region", { name: "Anmeldung über die Organisation (SSO)" });
      await panel.getByText("Für diese Organisation ist kein Anmeldedienst eingerichtet.").waitFor();
      await panel.getByText(`${baseUrl()}/api/auth/sso/callback`).waitFor();
      await expectNoAxeViolations(page);

      const settings = providerSettings();
      await panel.getByLabel("Name des Anmeldedienstes").fill(settings.displayName);
      await panel.getByLabel("Issuer-URL").fill(settings.issuer);
      await panel.getByLabel("Client-ID").fill(settings.clientId);
      await passwordField(page, "Client-Secret").fill(settings.clientSecret);
      await panel.getByLabel("E-Mail-Domains").fill(domain);
      await panel.getByRole("button", { name: "Einstellungen speichern" }).click();
      await page.getByText("Die Anmeldung über die Organisation ist gespeichert.").waitFor();
      await panel.getByText("Ein Secret ist hinterlegt. Leer lassen, um es zu behalten.").waitFor();
      expect(await passwordField(page, "Client-Secret").inputValue()).toBe("");

      await panel.getByRole("button", { name: "Verbindung prüfen" }).click();
      await panel.getByRole("status").getByText(`Verbindung in Ordnung: ${idp.issuer} antwortet`).waitFor();
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });

  it("logs an invited person in through the provider's own login form", async () => {
    await asCoordinator("PUT", `/api/organisations/${organisationId}/sso`, providerSettings());
    const email = `anna.${Date.now()}@${domain}`;
    await asCoordinator("POST", `/api/organisations/${organisationId}/invitations`, {
      email,
      role: "counsellor",
    });
    idp.addAccount("anna", { email, email_verified: true, name: "Anna Dienstkonto" });

    const { context, page } = await newPage(browser);
    try {
      await page.goto("/login");
      await page.getByLabel("E-Mail-Adresse").fill(email);
      // The typed address's domain picks the organisation, in the browser.
      expect(await page.getByLabel("Ihre Organisation").inputValue()).toBe(organisationId);
      await page.getByText("Sie werden zu Dienstkonto Landkreis weitergeleitet.").waitFor();
      await expectNoAxeViolations(page);
      await page.getByRole("link", { name: "Mit Ihrer Organisation anmelden" }).click();

      // The provider's login form (oidc-provider's development form).
      await page.waitForURL((url) => url.origin === idp.issuer);
      await page.locator('input[name="login"]').fill("anna");
      await page.locator('input[name="password"]').fill("irrelevant");
      await page.getByRole("button", { name: "Sign-in" }).click();

      await page.getByRole("heading", { level: 1, name: "Guten Tag, Anna Dienstkonto" }).waitFor();
      await page.getByText(`Sie handeln für ${organisationName} als Berater*in.`).waitFor();
      expect(new URL(page.url()).origin).toBe(baseUrl());
    } finally {
      await context.close();
    }
  });

  it("brings a person without invitation back to the login page with a clear message", async () => {
    await asCoordinator("PUT", `/api/organisations/${organisationId}/sso`, providerSettings());
    idp.addAccount("fremd", { email: `fremd.${Date.now()}@${domain}`, email_verified: true, name: "Fremd" });
    const { context, page } = await newPage(browser);
    try {
      await page.goto("/login");
      await page.getByLabel("Ihre Organisation").selectOption({ label: organisationName });
      await page.getByRole("link", { name: "Mit Ihrer Organisation anmelden" }).click();
      await page.waitForURL((url) => url.origin === idp.issuer);
      await page.locator('input[name="login"]').fill("fremd");
      await page.locator('input[name="password"]').fill("irrelevant");
      await page.getByRole("button", { name: "Sign-in" }).click();

      const alert = page.getByRole("alert");
      await alert.getByText("Anmeldung über Ihre Organisation fehlgeschlagen").waitFor();
      await alert
        .getByText(
          "Mit dieser E-Mail-Adresse gibt es in der Organisation keine aktive Mitgliedschaft und keine offene Einladung.",
          { exact: false },
        )
        .waitFor();
      const url = new URL(page.url());
      expect(url.pathname).toBe("/login");
      expect(url.searchParams.get("sso_error")).toBe("no_membership");
      await page.getByRole("heading", { level: 1, name: "Anmelden" }).waitFor();
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });
});
