import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { expect, inject } from "vitest";

/** Password of every demo account (src/server/demo/seed.ts). */
export const DEMO_PASSWORD = "Lotse-Demo-2026!";

export const DEMO = {
  coordinator: "koordination@lotse.example",
  admin: "admin@lotse.example",
  counsellor: "beratung@lotse.example",
  volunteer: "ehrenamt@lotse.example",
  trainer: "training@lotse.example",
  company: "unternehmen@lotse.example",
} as const;

/** The URL of the Lotse process that global-setup started. */
export function baseUrl(): string {
  return inject("baseUrl");
}

/** Chromium from the system, without the background traffic a test does not need. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A phone's screen (an iPhone 14's CSS pixels), for the public finder. */
export const PHONE = { width: 390, height: 844 };

/** A fresh context (own cookies and storage) and page: German browser, reduced motion. */
export async function newPage(
  browser: Browser,
  opts: { viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: "de-DE",
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    // No fade-ins: axe must see dialogs at full opacity, not half-way through a transition.
    reducedMotion: "reduce",
  });
  // Generous for a busy 2-core CI machine; a wait that passes returns as soon as it can.
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(45_000);
  const page = await context.newPage();
  return { context, page };
}

/** Logs in through the login form and waits for the start page. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await passwordField(page, "Passwort").fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.getByRole("navigation", { name: "Hauptnavigation" }).waitFor();
}

/**
 * A password field by its label. Mantine appends " *" to required labels, and the show/hide
 * button's name also contains the word, so the label must match whole.
 */
export function passwordField(page: Page, label: string): Locator {
  return page.getByLabel(new RegExp(`^${label}( \\*)?$`));
}

/** A link of the main navigation (cards on the start page carry similar names). */
export function navLink(page: Page, name: string): Locator {
  return page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name, exact: true });
}

/** The accessible names of the links in the main navigation, in order. */
export async function navigationEntries(page: Page, label = "Hauptnavigation"): Promise<string[]> {
  const nav = page.getByRole("navigation", { name: label });
  await nav.getByRole("link").first().waitFor();
  return nav.getByRole("link").allInnerTexts();
}

/** Fails with the list of violations when axe finds any against WCAG 2.1 A and AA. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? "?"}): ${v.help}\n${v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(" ")} — ${n.failureSummary?.split("\n").join(" ") ?? ""}`)
        .join("\n")}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Picks a language in the header's language menu; `name` is the language's own name ("العربية"). */
export async function chooseLanguage(page: Page, name: "Deutsch" | "English" | "العربية"): Promise<void> {
  await page.getByRole("button", { name: /^(Sprache|Language|اللغة):/ }).click();
  await page.getByRole("menuitem", { name }).click();
  const lang = { Deutsch: "de", English: "en", العربية: "ar" }[name];
  await page.locator(`html[lang="${lang}"]`).waitFor({ state: "attached" });
}

/** A write through the API with the page's session, for data a test needs but does not test. */
export async function apiPost<T>(page: Page, path: string, data: unknown): Promise<T> {
  const session = await (await page.request.get("/api/session")).json();
  const res = await page.request.post(path, { data, headers: { "X-CSRF-Token": session.csrfToken } });
  expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

/** Opens a case for a new client with a preferred language through /cases/new; returns the case's id. */
export async function openNewCase(page: Page, name: string, language: { typed: string; option: string }) {
  await page.goto("/cases/new");
  await page.getByLabel(/^Name( \*)?$/).fill(name);
  const languages = page.getByRole("combobox", { name: /^Bevorzugte Sprachen/ });
  await languages.fill(language.typed);
  await page.getByRole("option", { name: language.option }).click();
  await languages.press("Escape");
  await page.getByRole("button", { name: "Fall anlegen" }).click();
  await page.getByRole("heading", { level: 1, name }).waitFor();
  return new URL(page.url()).pathname.split("/").pop() ?? "";
}
