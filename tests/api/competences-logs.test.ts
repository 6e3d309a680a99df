import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The server log of this file's app goes to a file of its own (tests/helpers/app.ts reads these
// variables when the app is built), so that it can be searched for what the tests planted.
const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "competence-log-")), "server.log");
process.env.LOTSE_TEST_LOG = logFile;
process.env.LOTSE_TEST_LOG_LEVEL = "trace";
const { createTestApp } = await import("../helpers/app.ts");
const { competenceWorld, nurseContent, save, startProfile } = await import("./competences-setup.ts");

const t = await createTestApp();

describe("the server log", () => {
  it("holds no client name nor profile content, through saves, errors, shares and outputs", async () => {
    const w = await competenceWorld(t);
    const { profile, etag } = await startProfile(w);
    const secret = `Lieblingsrezept Maqluba ${w.tag}`;
    const c = nurseContent();
    const ok = await save(w.counsellor, profile.id, etag, {
      phases: c.phases,
      interests: [{ id: randomUUID(), text: secret }],
    });
    expect(ok.statusCode).toBe(200);
    const bad = await save(w.counsellor, profile.id, String(ok.headers.etag), {
      interests: [{ id: randomUUID(), text: secret }],
      work: [{ ...c.work[0], kldbCode: "99999" }],
    });
    expect(bad.statusCode).toBe(422);
    await w.counsellor.request("POST", `/api/clients/${w.client.id}/consents`, {
      body: {
        purpose: "competence_profile_sharing",
        recipientOrganisationId: w.company.id,
        legalBasis: "art6_1a",
        dataCategories: ["identity", "competence_profile"],
        informedLanguage: "ar",
        form: "signed",
      },
    });
    const share = await w.counsellor.request("POST", `/api/competence-profiles/${profile.id}/shares`, {
      body: { recipientOrganisationId: w.company.id, sections: ["interests"] },
    });
    expect(share.statusCode).toBe(201);
    await w.contact.request("GET", `/api/competence-shares/${share.json().id}`);
    await w.counsellor.request("GET", `/api/competence-profiles/${profile.id}/pdf`);
    await t.app.close();
    const log = fs.readFileSync(logFile, "utf8");
    expect(log.length).toBeGreaterThan(0);
    expect(log).toContain("/api/competence-profiles/");
    expect(log).not.toContain(w.client.name);
    expect(log).not.toContain(secret);
  });
});
