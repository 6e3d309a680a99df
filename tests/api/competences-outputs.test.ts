import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { compactVerify, createLocalJWKSet } from "jose";
import { describe, expect, it } from "vitest";
import { validateEuropass } from "../../src/server/modules/competences/europass/export.ts";
import { createTestApp } from "../helpers/app.ts";
import { competenceWorld, ESCO, nurseContent, save, startProfile } from "./competences-setup.ts";

const t = await createTestApp();

async function builtProfile() {
  const w = await competenceWorld(t);
  const { profile, etag } = await startProfile(w);
  const c = nurseContent();
  const res = await save(w.counsellor, profile.id, etag, {
    phases: c.phases,
    work: c.work,
    competences: [
      ...c.competences,
      { id: crypto.randomUUID(), title: "Gabelstapler", escoUri: ESCO.forklift },
    ],
    languages: c.languages,
  });
  expect(res.statusCode, res.body).toBe(200);
  return { w, profileId: profile.id as string };
}

const pdfText = (pdf: Buffer) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "profile-")), "p.pdf");
  fs.writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
};

describe("the profile's outputs", () => {
  it("prints a PDF with German and Arabic labels, in the client's language by default", async () => {
    const { w, profileId } = await builtProfile();
    const res = await w.counsellor.request("GET", `/api/competence-profiles/${profileId}/pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-language"]).toBe("de, ar");
    expect(res.headers["content-disposition"]).toContain("kompetenzprofil-");
    const text = pdfText(res.rawPayload);
    expect(text).toContain("Gabelstapler bedienen");
    expect(text).toMatch(/[\u0600-\u06FF]/);
    expect(text).not.toContain("errors.");
  });

  it("exports a Europass credential that conforms to the shipped shapes, and a signed one that verifies", async () => {
    const { w, profileId } = await builtProfile();
    const res = await w.counsellor.request("GET", `/api/competence-profiles/${profileId}/europass`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toContain("application/ld+json");
    const doc = JSON.parse(res.body);
    const result = await validateEuropass(doc);
    expect(result.results, JSON.stringify(result.results.slice(0, 3))).toEqual([]);
    expect(result.conforms).toBe(true);
    expect(res.body).toContain(ESCO.forklift);

    const signed = await w.counsellor.request("GET", `/api/competence-profiles/${profileId}/europass`, {
      query: { format: "jws" },
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.headers["content-type"]).toContain("application/jose");
    const jwks = await t.app.inject({ method: "GET", url: "/api/competences/jwks" });
    expect(jwks.statusCode).toBe(200);
    const { payload, protectedHeader } = await compactVerify(signed.body, createLocalJWKSet(jwks.json()));
    expect(protectedHeader.alg).toBe("EdDSA");
    expect(JSON.parse(new TextDecoder().decode(payload)).credentialSubject).toBeDefined();
  });

  it("gives the other organisation 404 and the company contact 403 on the outputs", async () => {
    const { w, profileId } = await builtProfile();
    for (const p of ["pdf", "europass"]) {
      expect(
        (await w.otherCounsellor.request("GET", `/api/competence-profiles/${profileId}/${p}`)).statusCode,
      ).toBe(404);
      expect((await w.contact.request("GET", `/api/competence-profiles/${profileId}/${p}`)).statusCode).toBe(
        403,
      );
    }
  });
});
