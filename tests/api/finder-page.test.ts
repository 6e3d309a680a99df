import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/app.ts";

// The real finder.html as Vite builds it (the script's name differs; the head is the same).
const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), "lotse-finder-page-"));
fs.writeFileSync(path.join(clientDir, "index.html"), "<!doctype html><title>staff</title>");
fs.copyFileSync(path.resolve("src/client/finder.html"), path.join(clientDir, "finder.html"));
afterAll(() => fs.rmSync(clientDir, { recursive: true, force: true }));

const t = await createTestApp({ clientDir });

async function page(url: string, headers: Record<string, string> = {}) {
  const res = await t.app.inject({ method: "GET", url, headers });
  expect(res.statusCode).toBe(200);
  const html = res.body;
  return {
    res,
    html,
    lang: html.match(/<html lang="([^"]*)"/)?.[1],
    dir: html.match(/<html [^>]*dir="([^"]*)"/)?.[1],
    title: html.match(/<title>([^<]*)<\/title>/)?.[1],
    description: html.match(/<meta name="description" content="([^"]*)"/)?.[1],
  };
}

describe("the finder page before any script runs", () => {
  it("is in Arabic, right to left, with the Arabic title and description, for ?lang=ar", async () => {
    const p = await page("/finder?lang=ar");
    expect(p.lang).toBe("ar");
    expect(p.dir).toBe("rtl");
    expect(p.title).toBe("ابحث عن العروض · دليل العروض");
    expect(p.description).toContain("ساكسونيا أنهالت");
    expect(p.html).toContain('<script type="module"');
    expect(p.res.headers["content-type"]).toMatch(/^text\/html/);
  });

  it("is in Ukrainian for ?lang=uk and in Persian, right to left, for ?lang=fa", async () => {
    const uk = await page("/finder?lang=uk&q=Sprachkurs");
    expect([uk.lang, uk.dir]).toEqual(["uk", "ltr"]);
    expect(uk.title).toBe("Sprachkurs · Знайти пропозиції · Пошук пропозицій");
    const fa = await page("/finder?lang=fa");
    expect([fa.lang, fa.dir]).toEqual(["fa", "rtl"]);
    expect(fa.title).toContain("خدمات را پیدا کنید");
  });

  it("falls back to German for an unknown language", async () => {
    const p = await page("/finder?lang=xx");
    expect([p.lang, p.dir, p.title]).toEqual(["de", "ltr", "Angebote finden · Angebotsfinder"]);
    expect(p.description).toContain("IQ Landesnetzwerks Sachsen-Anhalt");
  });

  it("follows the browser's languages without ?lang=, and ?lang= over them", async () => {
    expect((await page("/finder", { "accept-language": "pl-PL, tr;q=0.8, de;q=0.5" })).lang).toBe("tr");
    expect((await page("/finder", { "accept-language": "fa-IR,fa;q=0.9" })).dir).toBe("rtl");
    expect((await page("/finder", { "accept-language": "ru;q=0, en;q=0.3" })).lang).toBe("en");
    expect((await page("/finder?lang=uk", { "accept-language": "ar" })).lang).toBe("uk");
    expect((await page("/finder", { "accept-language": "pl" })).lang).toBe("de");
  });

  it("titles an offer page with the finder's name in the language", async () => {
    const p = await page("/finder/offers/00000000-0000-4000-8000-000000000000?lang=ru");
    expect([p.lang, p.title]).toEqual(["ru", "Поиск предложений"]);
  });

  it("is never cached across languages: no-cache and Vary: Accept-Language", async () => {
    const { res } = await page("/finder?lang=ar");
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(String(res.headers.vary).toLowerCase()).toContain("accept-language");
  });

  it("writes the visitor's search words into the title as text, never as markup", async () => {
    const p = await page(`/finder?lang=de&q=${encodeURIComponent('<script>alert("x")</script>')}`);
    expect(p.title).toBe(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; · Angebote finden · Angebotsfinder",
    );
    expect(p.html).not.toContain('alert("x")</script>');
  });
});
