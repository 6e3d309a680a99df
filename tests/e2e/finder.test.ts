import { gzipSync } from "node:zlib";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FinderResults } from "../../src/shared/contracts/finder.ts";
import { baseUrl, DEMO, DEMO_PASSWORD, expectNoAxeViolations, launchBrowser, newPage } from "./browser.ts";

let browser: Browser;
/** The Arabic-language Anerkennungsberatung in Magdeburg the visitor is looking for. */
/** Its name as the Arabic finder shows it (the demo translates it) and in German. */
let target: { id: string; name: string; nameDe: string };

const MAGDEBURG = "15003";
const targetQuery = `language=ar&district=${MAGDEBURG}&type=anerkennungsberatung&lang=ar`;

/**
 * The demo network has one; should it ever be missing, the test adds its own through the staff
 * API as the demo organisation admin, so that the journey below is still checked.
 */
async function findOrCreateTarget(): Promise<{ id: string; name: string; nameDe: string }> {
  const { id, name: nameDe } = await findOrCreateGerman();
  const arabic = await (await fetch(`${baseUrl()}/api/finder/offers/${id}?lang=ar`)).json();
  return { id, name: arabic.name, nameDe };
}

async function findOrCreateGerman(): Promise<{ id: string; name: string }> {
  const found: FinderResults = await (
    await fetch(`${baseUrl()}/api/finder/offers?${targetQuery.replace("lang=ar", "lang=de")}`)
  ).json();
  const offer = found.items.find((o) => o.name.startsWith("Anerkennungsberatung")) ?? found.items[0];
  if (offer) return { id: offer.id, name: offer.name };
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: DEMO.admin, password: DEMO_PASSWORD }),
  });
  const session = await login.json();
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const name = "Anerkennungsberatung auf Arabisch (Test)";
  const created = await fetch(`${baseUrl()}/api/organisations/${session.active.organisationId}/offers`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, "x-csrf-token": session.csrfToken },
    body: JSON.stringify({
      name,
      phases: [2],
      offerType: "anerkennungsberatung",
      languages: ["ar", "de"],
      districts: [MAGDEBURG],
      freeOfCharge: true,
    }),
  });
  expect(created.status, await created.clone().text()).toBe(201);
  return { id: (await created.json()).id, name };
}

beforeAll(async () => {
  browser = await launchBrowser();
  target = await findOrCreateTarget();
});
afterAll(async () => {
  await browser?.close();
});

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement).catch(() => false);
}

/** Presses Tab until the element has the focus, as a keyboard user would. */
async function tabTo(page: Page, locator: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await isFocused(locator)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${locator}`);
}

/** Changes a focused select with the arrow keys until it shows the wanted value. */
async function arrowSelect(page: Page, select: Locator, value: string): Promise<void> {
  await tabTo(page, select);
  for (let i = 0; i < 40 && (await select.inputValue()) !== value; i++)
    await page.keyboard.press("ArrowDown");
  expect(await select.inputValue()).toBe(value);
}

const htmlAttributes = (page: Page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

/** Waits until the result list shows the search of the current URL. */
async function resultsSettled(page: Page) {
  await page.locator('section[aria-busy="false"]').waitFor();
}

describe("offer finder, by keyboard alone in Arabic", () => {
  it("finds the Arabic-language Anerkennungsberatung in Magdeburg through the search and the filters", async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto("/finder?lang=ar");
      await page.getByRole("heading", { level: 1, name: "ابحث عن العروض" }).waitFor();
      expect(await htmlAttributes(page)).toEqual({ lang: "ar", dir: "rtl" });

      await tabTo(page, page.getByRole("searchbox", { name: "كلمة البحث" }));
      await page.keyboard.type("Anerkennungsberatungen");
      await page.keyboard.press("Enter");
      await page.waitForURL(/q=Anerkennungsberatungen/);
      await arrowSelect(page, page.getByLabel("لغة العرض"), "ar");
      await arrowSelect(page, page.getByLabel("المقاطعة أو المدينة"), MAGDEBURG);
      await page.waitForURL(new RegExp(`district=${MAGDEBURG}`));
      await resultsSettled(page);
      await page.getByRole("status").filter({ hasText: "Magdeburg" }).waitFor();

      const link = page.getByRole("link", { name: target.name, exact: true });
      await tabTo(page, link);
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: target.name }).waitFor();
      expect(page.url()).toContain(`/finder/offers/${target.id}?lang=ar`);
      // The heading takes the focus, so a screen reader announces the new page.
      expect(await isFocused(page.getByRole("heading", { level: 1 }))).toBe(true);
      await page.getByText("العربية").first().waitFor();
      await page.getByRole("heading", { name: "التواصل" }).waitFor();
      await page.getByRole("heading", { name: "أوقات العمل" }).waitFor();
    } finally {
      await context.close();
    }
  });

  it("finds it through the map: a district is a link with its name and count", async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto("/finder?lang=ar&q=Anerkennungsberatung&language=ar");
      await resultsSettled(page);
      const magdeburg = page.getByRole("link", { name: /^Magdeburg: العروض: \d+$/ });
      await tabTo(page, magdeburg);
      const count = Number((await magdeburg.getAttribute("aria-label"))?.match(/(\d+)$/)?.[1]);
      expect(count).toBeGreaterThan(0);
      await page.keyboard.press("Enter");
      await page.waitForURL(new RegExp(`district=${MAGDEBURG}`));
      await resultsSettled(page);
      // The district stays focused and says that it is the selected one.
      const selected = page.getByRole("link", { name: /^Magdeburg: العروض: \d+، محدد$/ });
      expect(await isFocused(selected)).toBe(true);
      expect(await selected.getAttribute("aria-current")).toBe("true");
      await page
        .getByRole("status")
        .filter({ hasText: `${count}` })
        .waitFor();
      await expect.poll(() => page.getByLabel("المقاطعة أو المدينة").inputValue()).toBe(MAGDEBURG);

      const link = page.getByRole("link", { name: target.name, exact: true });
      await tabTo(page, link);
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: target.name }).waitFor();
      // Back to the same list, by keyboard.
      await tabTo(page, page.getByRole("link", { name: "العودة إلى النتائج" }));
      await page.keyboard.press("Enter");
      await page.waitForURL(new RegExp(`district=${MAGDEBURG}.*lang=ar`));
    } finally {
      await context.close();
    }
  });

  it("carries the whole search and the language in the URL, so that a link can be sent", async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`/finder?q=Anerkennungsberatung&${targetQuery}`);
      await page.getByRole("link", { name: target.name, exact: true }).waitFor();
      expect(await page.getByRole("searchbox").inputValue()).toBe("Anerkennungsberatung");
      expect(await page.getByLabel("نوع العرض").inputValue()).toBe("anerkennungsberatung");
      // Another language keeps the search.
      await page.getByRole("navigation", { name: "اللغة" }).getByRole("link", { name: "Deutsch" }).click();
      await page.getByRole("heading", { level: 1, name: "Angebote finden" }).waitFor();
      expect(await htmlAttributes(page)).toEqual({ lang: "de", dir: "ltr" });
      expect(page.url()).toContain("q=Anerkennungsberatung");
      expect(page.url()).toContain(`district=${MAGDEBURG}`);
      expect(await page.getByLabel("Sprache des Angebots").inputValue()).toBe("ar");
    } finally {
      await context.close();
    }
  });
});

describe("offer finder accessibility (WCAG 2.1 AA)", () => {
  const pages: [string, string | RegExp][] = [
    ["/finder?lang=de", "Angebote finden"],
    ["/finder?lang=ar", "ابحث عن العروض"],
    [`/finder?q=Anerkennungsberatung&${targetQuery.replace("lang=ar", "lang=de")}`, "Angebote finden"],
    [`/finder?q=Anerkennungsberatung&${targetQuery}`, "ابحث عن العروض"],
    ["/finder?q=xqzwvkjh&lang=ar", "ابحث عن العروض"],
    ["/finder?lang=fa", "خدمات را پیدا کنید"],
    [
      "/finder/offers/00000000-0000-4000-8000-000000000000?lang=de",
      "Dieses Angebot gibt es nicht oder nicht mehr.",
    ],
  ];
  for (const [path, heading] of pages) {
    it(`has no violations on ${path}`, async () => {
      const { context, page } = await newPage(browser);
      try {
        await page.goto(path);
        await page.getByRole("heading", { level: 1, name: heading }).waitFor();
        await page.locator(".district-map").or(page.locator(".offer-page, .back")).first().waitFor();
        if (path.startsWith("/finder?")) await resultsSettled(page);
        await expectNoAxeViolations(page);
      } finally {
        await context.close();
      }
    });
  }

  for (const lang of ["de", "ar"]) {
    it(`has no violations on an offer page in ${lang}`, async () => {
      const { context, page } = await newPage(browser);
      try {
        await page.goto(`/finder/offers/${target.id}?lang=${lang}`);
        await page
          .getByRole("heading", { level: 1, name: lang === "de" ? target.nameDe : target.name })
          .waitFor();
        await expectNoAxeViolations(page);
      } finally {
        await context.close();
      }
    });
  }
});

describe("offer finder on a phone", () => {
  it("loads no staff-app code and less than 90 kB of gzipped JavaScript, nothing from elsewhere", async () => {
    const { context, page } = await newPage(browser);
    const scripts: { url: string; gzip: number }[] = [];
    const foreign: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(baseUrl())) foreign.push(request.url());
    });
    page.on("response", async (response) => {
      if (response.request().resourceType() !== "script") return;
      scripts.push({ url: response.url(), gzip: gzipSync(await response.body()).length });
    });
    try {
      await page.goto("/finder?lang=ar");
      await resultsSettled(page);
      const total = scripts.reduce((sum, s) => sum + s.gzip, 0);
      expect(scripts.map((s) => s.url).filter((u) => /mantine|router|i18n-/.test(u))).toEqual([]);
      expect(total).toBeLessThan(90_000);
      expect(foreign).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
