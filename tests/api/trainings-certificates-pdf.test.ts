import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import jsQRModule from "jsqr";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import {
  trainingAttendance,
  trainingCertificates,
  trainingParticipants,
} from "../../src/server/db/schema.ts";
import { qrPng } from "../../src/server/modules/trainings/certificates/code.ts";
import { createTestApp } from "../helpers/app.ts";
import { ok, trainingWorld } from "./trainings-setup.ts";

// jsqr is CommonJS whose types declare an ES default export: the module itself is the function.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

const t = await createTestApp();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lotse-certificates-"));

function save(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}
const text = (file: string) => execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
const pages = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1]);

/** Decodes the QR code of a PNG (jsQR wants RGBA pixels). */
function decode(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

/** A 14-person cohort (8 organisations) where everyone attended both sessions held. */
async function world() {
  const w = await trainingWorld(t, { participants: 14, orgs: 8, sessions: 4, goals: 7 });
  const held = w.sessions.filter((s) => s.status === "held");
  await t.db
    .insert(trainingAttendance)
    .values(
      w.people.flatMap((p) =>
        held.map((s) => ({ sessionId: s.id, participantId: p.participant.id, status: "present" as const })),
      ),
    );
  const coordinator = await t.loginAs(w.coordinator.email);
  const url = `/api/training-cohorts/${w.cohort.id}/certificates`;
  await ok(coordinator.request("POST", url));
  return { ...w, coordinator, url };
}

describe("the certificate PDF", () => {
  it("prints programme, goals, hours, dates, issuer and code, and its QR code reads back to the verify URL", async () => {
    const w = await world();
    const me = w.people[0];
    // A name that would be markup if it were spliced into Typst.
    await t.db
      .update(trainingParticipants)
      .set({ name: "Amina #import *Yılmaz*" })
      .where(eq(trainingParticipants.id, me?.participant.id ?? ""));
    await t.db
      .delete(trainingCertificates)
      .where(eq(trainingCertificates.participantId, me?.participant.id ?? ""));
    await ok(w.coordinator.request("POST", w.url));
    const [c] = await t.db
      .select()
      .from(trainingCertificates)
      .where(eq(trainingCertificates.participantId, me?.participant.id ?? ""));
    if (!c) throw new Error("no certificate");

    const holder = await t.loginAs(me?.user.email ?? "");
    const res = await holder.request("GET", `/api/training-certificates/${c.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain(`teilnahmebescheinigung-${c.code}.pdf`);
    const file = save("one.pdf", res.rawPayload);
    const printed = text(file).replace(/\s+/g, " ");
    expect(printed).toContain("Teilnahmebescheinigung");
    expect(printed).toContain("Amina #import *Yılmaz*");
    expect(printed).toContain(w.programme.title);
    expect(printed).toContain(w.cohort.title);
    for (let i = 1; i <= 7; i++) expect(printed).toContain(`Lernziel ${i}`);
    expect(printed).toContain("2 von 2 Terminen, 6 von 6 Stunden");
    expect(printed).toContain(`Ausgestellt von: ${w.coordination.name}`);
    expect(printed).toContain(c.code.match(/.{5}/g)?.join("-"));
    expect(printed).toContain(`http://lotse.test/verify/${c.code}`);
    expect(pages(file)).toBe(1);

    // The QR code as printed: the page rasterised, decoded back to exactly the verify URL.
    execFileSync("pdftoppm", ["-r", "150", "-png", "-singlefile", file, path.join(dir, "page")]);
    expect(decode(fs.readFileSync(path.join(dir, "page.png")))).toBe(`http://lotse.test/verify/${c.code}`);
    // The same encoder as PNG (what the SVG is drawn from) decodes to it too.
    expect(decode(await qrPng(`http://lotse.test/verify/${c.code}`))).toBe(
      `http://lotse.test/verify/${c.code}`,
    );

    // English and Arabic.
    const en = save(
      "en.pdf",
      (await holder.request("GET", `/api/training-certificates/${c.id}/pdf`, { query: { lang: "en" } }))
        .rawPayload,
    );
    expect(text(en)).toContain("Certificate of attendance");
    expect(text(en)).toContain("Learning goal 3");
    const ar = save(
      "ar.pdf",
      (await holder.request("GET", `/api/training-certificates/${c.id}/pdf`, { query: { lang: "ar" } }))
        .rawPayload,
    );
    expect(text(ar)).toContain("شهادة حضور");
    expect(text(ar)).toContain("هدف التعلم");
  });

  it("prints a whole cohort in one file, one page per current certificate", async () => {
    const w = await world();
    const started = performance.now();
    const res = await w.coordinator.request("GET", `${w.url}/pdf`);
    const ms = performance.now() - started;
    expect(res.statusCode).toBe(200);
    const file = save("cohort.pdf", res.rawPayload);
    expect(pages(file)).toBe(14);
    const printed = text(file);
    for (const p of w.people) expect(printed).toContain(p.participant.name);
    console.log(`cohort PDF, 14 certificates: ${Math.round(ms)} ms, ${res.rawPayload.length} bytes`);
    expect(ms).toBeLessThan(5000);
  });
});
