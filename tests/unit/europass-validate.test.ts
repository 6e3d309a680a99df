import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import {
  offlineDocumentLoader,
  SHIPPED_CONTEXTS,
  validateEuropass,
} from "../../src/server/modules/competences/europass/validate.ts";
import { referencePath } from "../../src/server/paths.ts";

// The validator itself: offline, on the shipped files, and true to the official samples.

const require = createRequire(import.meta.url);
const sha256 = (file: string) =>
  createHash("sha256")
    .update(fs.readFileSync(referencePath("elm", file)))
    .digest("hex");

describe("the shipped ELM files", () => {
  it("are the copies PROVENANCE.md names", () => {
    const provenance = fs.readFileSync(referencePath("elm", "PROVENANCE.md"), "utf8");
    for (const file of [
      "EDC-generic-no-cv.ttl",
      "EDC-generic-full.ttl",
      "edc-ap-context.jsonld",
      "credentials-v1.jsonld",
    ]) {
      expect(provenance, file).toContain(sha256(file));
    }
    expect(fs.readFileSync(referencePath("elm", "LICENSE-EUPL-1.2.txt"), "utf8")).toContain(
      "EUROPEAN UNION PUBLIC LICENCE v. 1.2",
    );
  });

  it("hold the W3C credentials context exactly as the credentials-context package has it", () => {
    const { contexts, CONTEXT_URL } = require("credentials-context");
    const shipped = JSON.parse(fs.readFileSync(referencePath("elm", "credentials-v1.jsonld"), "utf8"));
    expect(shipped).toEqual(contexts.get(CONTEXT_URL));
  });
});

describe("the offline document loader", () => {
  it("answers the two shipped contexts", async () => {
    for (const url of Object.keys(SHIPPED_CONTEXTS)) {
      const answer = await offlineDocumentLoader(url);
      expect(answer.documentUrl).toBe(url);
      expect(answer.document).toHaveProperty("@context");
    }
  });

  it("throws for any other URL instead of fetching it", async () => {
    await expect(offlineDocumentLoader("https://www.w3.org/ns/credentials/v2")).rejects.toThrow(
      /offline loader/,
    );
    await expect(
      offlineDocumentLoader("http://data.europa.eu/snb/model/context/edc-ap-v2"),
    ).rejects.toThrow();
  });

  it("makes a document with an unknown context fail, without network", async () => {
    const doc = { "@context": ["https://example.org/unknown-context.jsonld"], id: "urn:x:1", type: "Thing" };
    await expect(validateEuropass(doc)).rejects.toThrow();
  });
});

describe("the official ELM v3 samples", () => {
  const sample = (file: string) => {
    const raw = JSON.parse(fs.readFileSync(`${SAMPLES}/${file}`, "utf8"));
    return raw.payload ? JSON.parse(raw.payload) : raw;
  };
  // The official samples live in the shared reference data beside the repository (not shipped).
  const SAMPLES = referencePath("..", "..", "shared", "data", "elm");
  const present = fs.existsSync(SAMPLES);

  it.runIf(present)("the signed micro-credential's payload conforms as a sealed credential", async () => {
    const report = await validateEuropass(sample("Sample-MC-Annex1-signed.jsonld"), { sealed: true });
    expect(report.results).toEqual([]);
    expect(report.quads).toBe(353);
  });

  it.runIf(present)("the unsigned certificate lacks exactly what sealing adds", async () => {
    const report = await validateEuropass(sample("Sample-CertOfPart-unsigned.jsonld"), { sealed: true });
    expect(report.results.map((r) => r.shape).sort()).toEqual([
      "http://data.europa.eu/snb/model/ap/edc-generic-no-cv/EuropeanDigitalCredential-cred_issued",
      "http://data.europa.eu/snb/model/ap/edc-generic-no-cv/EuropeanDigitalCredential-cred_issuer",
    ]);
    // Unsealed validation sets the eIDAS identifier apart, but `issued` stays a violation.
    const unsealed = await validateEuropass(sample("Sample-CertOfPart-unsigned.jsonld"));
    expect(unsealed.results.map((r) => r.shape)).toEqual([
      "http://data.europa.eu/snb/model/ap/edc-generic-no-cv/EuropeanDigitalCredential-cred_issued",
    ]);
  });
});
