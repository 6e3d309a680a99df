import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseLanguage, DEMO, expectNoAxeViolations, launchBrowser, login, newPage } from "./browser.ts";

/**
 * The analytics views as a coordinator meets them: one tab each, the late interfaces first; chart
 * labels that never overlap (measured on the SVG text elements the charts draw) at 1366 × 900 and on
 * a phone, in German and in Arabic; the process map; the organisations without referrals.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const VIEWS = ["overview", "interfaces", "network", "flow", "times"] as const;
type View = (typeof VIEWS)[number];
/** How many charts (ECharts and the process map) each view draws with the demo's data. */
const CHARTS: Record<View, number> = { overview: 0, interfaces: 0, network: 1, flow: 2, times: 2 };

async function coordinator(viewport = { width: 1366, height: 900 }) {
  const { context, page } = await newPage(browser);
  await page.setViewportSize(viewport);
  await login(page, DEMO.coordinator);
  return { context, page };
}

/** Opens a view by its address and waits until its charts have drawn and stopped changing. */
async function open(page: Page, view: View): Promise<void> {
  await page.goto(`/analytics?view=${view}`);
  await page.getByRole("tab", { selected: true }).waitFor();
  const charts = page.locator(".analytics-chart, svg.process-map");
  await expect.poll(() => charts.count()).toBe(CHARTS[view]);
  if (CHARTS[view] === 0) return;
  const texts = page.locator(".analytics-chart svg text, svg.process-map text");
  await expect.poll(() => texts.count()).toBeGreaterThan(0);
  // Drawn in animation frames after the data came: wait until two looks a moment apart agree.
  let before = "";
  await expect
    .poll(async () => {
      const now = JSON.stringify(await labelBoxes(page));
      const stable = now === before;
      before = now;
      return stable;
    })
    .toBe(true);
}

/** The lines of SVG text in each element, joined by newlines (SVG has no innerText). */
function svgTexts(elements: Locator): Promise<string[]> {
  return elements.evaluateAll((els) =>
    els.map((el) => [...el.querySelectorAll("text")].map((t) => t.textContent).join("\n")),
  );
}

type Box = { text: string; left: number; top: number; right: number; bottom: number };

/** The boxes of every visible text element the charts drew, as the browser laid them out. */
function labelBoxes(page: Page): Promise<Box[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll(".analytics-chart svg text, svg.process-map text")].flatMap((el) => {
      const style = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      const text = el.textContent?.trim() ?? "";
      const hidden =
        style.visibility === "hidden" ||
        style.display === "none" ||
        Number(style.opacity) === 0 ||
        el.closest("[opacity='0'], [display='none'], [visibility='hidden']") !== null;
      if (hidden || !text || r.width === 0 || r.height === 0) return [];
      return [{ text, left: r.left, top: r.top, right: r.right, bottom: r.bottom }];
    }),
  );
}

/** Every pair of chart labels whose boxes share more than half a pixel each way (rounding). */
async function overlappingLabels(page: Page): Promise<string[]> {
  const boxes = await labelBoxes(page);
  const overlaps: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i] as Box;
      const b = boxes[j] as Box;
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 0.5 && y > 0.5)
        overlaps.push(`"${a.text}" × "${b.text}" (${x.toFixed(1)} × ${y.toFixed(1)} px)`);
    }
  }
  return overlaps;
}

describe("analytics views", () => {
  it("answers first which interfaces are late, by how much and where to act", async () => {
    const { context, page } = await coordinator();
    try {
      await page.goto("/analytics");
      await page.getByRole("tab", { name: "Überblick: Wo es hakt", selected: true }).waitFor();
      await page
        .getByRole("heading", { level: 2, name: "Wo Übergaben länger dauern als vereinbart" })
        .waitFor();
      const list = page.getByRole("list", {
        name: "Schnittstellen mit Fristüberschreitungen, die größten Engpässe zuerst",
      });
      const first = list.getByRole("listitem").first();
      // The demo's planted bottleneck: late answers with the agreed working days and the overrun in calendar days.
      await expect
        .poll(() => first.textContent())
        .toMatch(
          /Antwort: \d+ Verweise \(\d+\s%\) wurden erst nach der vereinbarten Frist \(\d+ Arbeitstage\) beantwortet oder sind noch offen – im Median \d+,\d Kalendertage darüber\./,
        );
      expect(await first.textContent()).toMatch(
        /Ansetzen bei: .+ – dort werden diese Verweise beantwortet und abgeschlossen\./,
      );
      expect(await first.textContent()).toMatch(/Ansprechpersonen laut Register: /);

      // "All figures" opens the interface table at that interface, and Back returns to the overview.
      await first.getByRole("button", { name: /^Alle Zahlen zu / }).click();
      await page.getByRole("tab", { name: "Schnittstellen", selected: true }).waitFor();
      expect(new URL(page.url()).searchParams.get("view")).toBe("interfaces");
      await page.getByText(/^Ausgewählt: .+ → .+$/).waitFor();
      const chosen = page.locator("tr[aria-current='true']");
      await expect.poll(() => chosen.count()).toBe(1);
      await page.goBack();
      await page.getByRole("tab", { name: "Überblick: Wo es hakt", selected: true }).waitFor();
    } finally {
      await context.close();
    }
  });

  it("moves between the views by keyboard, each with its own address", async () => {
    const { context, page } = await coordinator();
    try {
      await page.goto("/analytics");
      const overview = page.getByRole("tab", { name: "Überblick: Wo es hakt", selected: true });
      await overview.focus();
      await page.keyboard.press("ArrowRight");
      await page.getByRole("tab", { name: "Schnittstellen", selected: true }).waitFor();
      await expect.poll(() => new URL(page.url()).searchParams.get("view")).toBe("interfaces");
      await page.keyboard.press("ArrowRight");
      await page.getByRole("tab", { name: "Netzwerk", selected: true }).waitFor();
      await expect.poll(() => new URL(page.url()).searchParams.get("view")).toBe("network");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Netzwerk");
      await page.keyboard.press("End");
      await page.getByRole("tab", { name: "Zeiten und Landkreise", selected: true }).waitFor();
      await expect.poll(() => new URL(page.url()).searchParams.get("view")).toBe("times");
      await page.keyboard.press("Home");
      await page.getByRole("tab", { name: "Überblick: Wo es hakt", selected: true }).waitFor();
      await expect.poll(() => new URL(page.url()).searchParams.get("view")).toBe(null);
      // Tab leaves the tab list for the view's content.
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).not.toBe("tab");
    } finally {
      await context.close();
    }
  });

  it("draws no chart label over another at 1366 × 900, and passes axe on every view, in German", async () => {
    const { context, page } = await coordinator();
    try {
      for (const view of VIEWS) {
        await open(page, view);
        expect(await overlappingLabels(page), view).toEqual([]);
        await expectNoAxeViolations(page);
      }
      // The map's district names are really there to be measured.
      await open(page, "times");
      const names = (await labelBoxes(page)).map((b) => b.text);
      expect(names).toContain("Harz");
    } finally {
      await context.close();
    }
  });

  it("draws no chart label over another, and passes axe on every view, in Arabic", async () => {
    const { context, page } = await coordinator();
    try {
      await chooseLanguage(page, "العربية");
      for (const view of VIEWS) {
        await open(page, view);
        expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
        expect(await overlappingLabels(page), view).toEqual([]);
        await expectNoAxeViolations(page);
      }
      // The choice is the person's, kept on the server: back to German for the tests after this one.
      await chooseLanguage(page, "Deutsch");
    } finally {
      await context.close();
    }
  });

  it("draws no chart label over another on a phone", async () => {
    const { context, page } = await coordinator({ width: 390, height: 844 });
    try {
      for (const view of ["network", "flow", "times"] as const) {
        await open(page, view);
        expect(await overlappingLabels(page), view).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });

  it("draws the process flow as a map of boxes and arrows with frequency and median time", async () => {
    const { context, page } = await coordinator();
    try {
      await open(page, "flow");
      const map = page.getByRole("img", { name: /^Prozesslandkarte mit \d+ Kästen und \d+ Pfeilen/ });
      await map.waitFor();
      const boxes = page.locator("svg.process-map .process-map-box");
      const activities = page.locator("svg.process-map .process-map-activity");
      expect(await activities.count()).toBeGreaterThanOrEqual(4);
      expect(await boxes.count()).toBeGreaterThan(await activities.count()); // with start and end
      // A box names the offer type, the state and how often; the demo refers most to recognition counselling.
      const boxTexts = await svgTexts(activities);
      expect(boxTexts.join("\n")).toMatch(/Anerkennungsberatung\s*Gesendet · \d+ ×/);
      // Arrows: a path each, and a label with the frequency and the median in calendar days.
      const arrows = page.locator("svg.process-map path[marker-end]");
      // Every box is joined by at least one arrow (a path between two boxes draws one).
      expect(await arrows.count()).toBeGreaterThanOrEqual(Math.ceil((await activities.count()) / 2));
      const labels = await svgTexts(page.locator("svg.process-map .process-map-label"));
      expect(labels.some((l: string) => /^\d+ ×\n\d+,\d Kalendertage$/.test(l))).toBe(true);
      // More detail draws more arrows; the table stays the text alternative.
      const main = await arrows.count();
      await page.getByText("Mehr Wege", { exact: true }).click();
      await expect.poll(() => arrows.count()).toBeGreaterThan(main);
      await page.getByRole("table", { name: /^Die \d+ häufigsten von \d+ direkten Folgen$/ }).waitFor();
      expect(await overlappingLabels(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("shows the organisations without referrals as isolated nodes of the network", async () => {
    const { context, page } = await coordinator();
    try {
      const graph = await (await page.request.get("/api/analytics/network")).json();
      const idle: { name: string }[] = graph.nodes.filter((n: { degree: number }) => n.degree === 0);
      expect(idle.length).toBeGreaterThan(0);
      await open(page, "network");
      await page
        .getByRole("img", {
          name: `Netzwerkgrafik mit ${graph.nodes.length} Organisationen und ${graph.edges.length} Verbindungen; die Zahlen stehen in der Tabelle darunter.`,
        })
        .waitFor();
      await page
        .getByText(`${graph.nodes.length} Organisationen, davon ${idle.length} ohne Verweise`)
        .waitFor();
      const list = page.getByRole("list", {
        name: `Ohne Verweise im Zeitraum – weder gesendet noch erhalten (${idle.length}):`,
      });
      expect(await list.getByRole("listitem").allInnerTexts()).toEqual(idle.map((n) => n.name));
      // The explanation of a term opens next to it and closes with Escape.
      const help = page.getByRole("button", { name: "Was bedeutet „Vermittlerrolle (Betweenness)“?" });
      await help.click();
      await page
        .getByText(/^Wie oft eine Organisation auf dem kürzesten Weg zwischen zwei anderen liegt/)
        .waitFor();
      await page.keyboard.press("Escape");
      await page
        .getByText(/^Wie oft eine Organisation auf dem kürzesten Weg zwischen zwei anderen liegt/)
        .waitFor({ state: "hidden" });
    } finally {
      await context.close();
    }
  });
});
