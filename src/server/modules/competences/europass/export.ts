import { createHash } from "node:crypto";
import type { z } from "zod";
import { CEFR_SKILLS, type CefrSkill, ENTRECOMP, type LearningContext } from "#shared/competences.ts";
import type {
  LinkedQualification as LinkedQualificationSchema,
  ProfileContent,
} from "#shared/contracts/competences.ts";

type LinkedQualification = z.infer<typeof LinkedQualificationSchema>;

import { countryName } from "#shared/countries.ts";
import { displayParameter } from "./display.ts";
import {
  BASE64,
  ENGLISH,
  eqfLevel,
  escoSkill,
  GENERIC_PROFILE,
  GERMAN,
  GERMANY,
  language,
  languageName,
} from "./vocabularies.ts";
import * as w from "./words.ts";

export { validateEuropass } from "./validate.ts";

/**
 * The Europass export (decision 016): a competence profile as a European Digital Credential of the
 * European Learning Model v3 (EDC application profile, JSON-LD), unsealed. Same input, same document:
 * every node id is a name-based UUID (v5) of the profile id and the item it stands for.
 */

export type EuropassIssuer = {
  /** The counselling organisation's id (a UUID). */
  id: string;
  name: string;
  street?: string | null;
  postcode?: string | null;
  city?: string | null;
  website?: string | null;
};
export type EuropassInput = {
  /** The profile's id: the root of every id in the document. */
  profileId: string;
  profile: ProfileContent;
  client: { givenName: string; familyName: string; dateOfBirth: string | null };
  qualifications: LinkedQualification[];
  labels: Record<string, { de: string | null; en: string | null }>;
  issuer: EuropassIssuer;
  issuedAt: Date | string;
  /** Items marked `special` (Art. 9) are left out unless this is true. */
  includeSpecial?: boolean;
};

const CONTEXT = ["https://www.w3.org/2018/credentials/v1", "http://data.europa.eu/snb/model/context/edc-ap"];
const SHACL_SCHEMA = "http://data.europa.eu/snb/model/ap/edc-generic-full";
/** The namespace of Lotse's name-based node ids (a fixed random UUID). */
const NAMESPACE = Buffer.from("5b0f3a9e1c7d4e2a8f6b0c9d2e4a7b13", "hex");

/** A name-based UUID (RFC 9562 version 5) as urn:uuid. */
export function nodeId(...parts: string[]): string {
  const hash = createHash("sha1").update(NAMESPACE).update(parts.join("/")).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const dateTime = (value: Date | string) => new Date(value).toISOString().replace(/\.\d{3}Z$/, "Z");
/** A code that reads the same in every language (a CEFR level, a period). */
const both = (text: string): w.Bilingual => ({ de: text, en: text });
/**
 * Words as the counsellor or client wrote them (titles, names, addresses): tagged with the
 * documentation's language only, never passed off as English.
 */
type Text = { de: string; en?: string };
const own = (text: string): Text => ({ de: text });
const country = (code: string | null): w.Bilingual | null =>
  code ? { de: countryName(code, "de"), en: countryName(code, "en") } : null;
const note = (id: string, text: Text) => ({ id, type: "Note", noteLiteral: text });

const CEFR_FIELDS: Record<
  CefrSkill,
  "listening" | "reading" | "spokenInteraction" | "spokenProduction" | "writing"
> = {
  listening: "listening",
  reading: "reading",
  spoken_interaction: "spokenInteraction",
  spoken_production: "spokenProduction",
  writing: "writing",
};

export function europassCredential(input: EuropassInput): Record<string, unknown> {
  const { profileId, profile, client } = input;
  const id = (...parts: string[]) => nodeId(profileId, ...parts);
  const keep = <T extends { special?: boolean }>(items: T[]) =>
    items.filter((i) => input.includeSpecial || !i.special);
  const issuedAt = dateTime(input.issuedAt);

  const issuerId = `urn:uuid:${input.issuer.id}`;
  const address = [input.issuer.street, [input.issuer.postcode, input.issuer.city].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
  const issuer = {
    id: issuerId,
    type: "Organisation",
    legalName: own(input.issuer.name),
    location: {
      id: nodeId(input.issuer.id, "location"),
      type: "Location",
      address: {
        id: nodeId(input.issuer.id, "address"),
        type: "Address",
        countryCode: GERMANY,
        ...(address ? { fullAddress: note(nodeId(input.issuer.id, "address", "full"), own(address)) } : {}),
      },
    },
    ...(input.issuer.website
      ? {
          homepage: {
            id: nodeId(input.issuer.id, "homepage"),
            type: "WebResource",
            contentURL: input.issuer.website,
          },
        }
      : {}),
  };
  const issuerRef = { id: issuerId, type: "Organisation" };
  /** What the counselling organisation records (skills, languages, EntreComp): it is the awarding body. */
  const documented = (...parts: string[]) => ({
    id: id(...parts, "awarding"),
    type: "AwardingProcess",
    awardingBody: issuerRef,
    description: w.CREDENTIAL_DESCRIPTION,
  });
  const agent = (key: string, label: Text) => ({
    id: id(key, "agent"),
    type: "Agent",
    prefLabel: label,
  });

  const claims: Record<string, unknown>[] = [];

  // Qualifications: the profile's completed education entries and the recognition module's foreign ones.
  const qualification = (
    key: string,
    title: Text,
    level: number | null,
    body: Text,
    description: w.Bilingual | null,
  ) =>
    claims.push({
      id: id(key),
      type: "LearningAchievement",
      title,
      ...(description ? { description } : {}),
      awardedBy: {
        id: id(key, "awarding"),
        type: "AwardingProcess",
        awardingBody: agent(key, body),
      },
      specifiedBy: {
        id: id(key, "specification"),
        type: level === null ? "LearningAchievementSpecification" : "Qualification",
        title,
        ...(level === null ? {} : { eqfLevel: eqfLevel(level) }),
      },
    });
  for (const entry of profile.education.filter((e) => e.completed)) {
    const place = country(entry.country);
    const period = [entry.from, entry.to].filter(Boolean).join(" – ");
    const details = [place, period ? both(period) : null].filter((x): x is w.Bilingual => x !== null);
    qualification(
      `education/${entry.id}`,
      own(entry.title),
      entry.eqfLevel,
      entry.institution ? own(entry.institution) : w.INSTITUTION_UNKNOWN(place),
      details.length > 0
        ? { de: details.map((d) => d.de).join(", "), en: details.map((d) => d.en).join(", ") }
        : null,
    );
  }
  for (const q of input.qualifications) {
    const place = country(q.country);
    // The original title is in the language of its country (unknown here): it goes to the description.
    const title = own(q.germanTitle ?? q.originalTitle);
    const year = q.year === null ? "" : `, ${q.year}`;
    qualification(`qualification/${q.id}`, title, q.eqfLevel, w.INSTITUTION_UNKNOWN(place), {
      de: `${w.FOREIGN_QUALIFICATION.de}: ${q.originalTitle}${place ? `, ${place.de}` : ""}${year}`,
      en: `${w.FOREIGN_QUALIFICATION.en}: ${q.originalTitle}${place ? `, ${place.en}` : ""}${year}`,
    });
  }

  // Competences, one achievement per learning context; each competence a learning outcome.
  const competences = keep(profile.competences);
  for (const context of ["formal", "non_formal", "informal"] as LearningContext[]) {
    const items = competences.filter((c) => c.context === context);
    if (items.length === 0) continue;
    const title = w.CONTEXT_TITLES[context];
    claims.push({
      id: id("competences", context),
      type: "LearningAchievement",
      title,
      awardedBy: documented("competences", context),
      specifiedBy: {
        id: id("competences", context, "specification"),
        type: "LearningAchievementSpecification",
        title,
        learningOutcome: items.map((c) => {
          const labels = c.escoUri ? input.labels[c.escoUri] : undefined;
          return {
            id: id("competence", c.id),
            type: "LearningOutcome",
            title: { de: labels?.de ?? c.title, ...(labels?.en ? { en: labels.en } : {}) },
            ...(c.escoUri ? { relatedESCOSkill: [escoSkill(c.escoUri, labels)] } : {}),
          };
        }),
      },
    });
  }

  // Languages: mother tongues, then one achievement per language with a CEFR assessment per skill.
  for (const code of profile.languages.motherTongues) {
    const title = w.MOTHER_TONGUE(languageName(code));
    claims.push({
      id: id("mother-tongue", code),
      type: "LearningAchievement",
      title,
      awardedBy: documented("mother-tongue", code),
      specifiedBy: {
        id: id("mother-tongue", code, "specification"),
        type: "LearningAchievementSpecification",
        title,
        language: language(code),
      },
    });
  }
  const cefrScheme = { id: nodeId("cefr", "grading-scheme"), type: "GradingScheme", title: w.CEFR_SCHEME };
  for (const skill of profile.languages.other) {
    const key = `language/${skill.language}`;
    const title = w.LANGUAGE_SKILLS(languageName(skill.language));
    const assessments: Record<string, unknown>[] = [];
    for (const cefr of CEFR_SKILLS) {
      const level = skill[CEFR_FIELDS[cefr]];
      if (!level) continue;
      const words = w.CEFR_SKILL_WORDS[cefr];
      assessments.push({
        id: id(key, cefr),
        type: "LearningAssessment",
        title: words,
        grade: note(id(key, cefr, "grade"), both(level)),
        awardedBy: documented(key, cefr),
        specifiedBy: {
          id: id(key, cefr, "specification"),
          type: "LearningAssessmentSpecification",
          title: {
            de: `${w.CEFR_SELF_ASSESSMENT.de}: ${words.de}`,
            en: `${w.CEFR_SELF_ASSESSMENT.en}: ${words.en}`,
          },
          gradingScheme: cefrScheme,
        },
      });
    }
    skill.certificates.forEach((certificate, index) => {
      const ckey = `${key}/certificate/${index}`;
      const provider = w.CERTIFICATES[certificate.kind];
      const name: Text = certificate.name ? own(certificate.name) : provider;
      assessments.push({
        id: id(ckey),
        type: "LearningAssessment",
        title: name,
        grade: note(id(ckey, "grade"), certificate.level ? both(certificate.level) : w.NO_LEVEL),
        awardedBy: {
          id: id(ckey, "awarding"),
          type: "AwardingProcess",
          awardingBody: agent(ckey, provider),
          ...(certificate.date ? { awardingDate: `${certificate.date}T00:00:00Z` } : {}),
        },
        specifiedBy: {
          id: id(ckey, "specification"),
          type: "LearningAssessmentSpecification",
          title: name,
          language: language(skill.language),
          gradingScheme: cefrScheme,
        },
      });
    });
    claims.push({
      id: id(key),
      type: "LearningAchievement",
      title,
      awardedBy: documented(key),
      ...(assessments.length > 0 ? { provenBy: assessments } : {}),
      specifiedBy: {
        id: id(key, "specification"),
        type: "LearningAchievementSpecification",
        title,
        language: language(skill.language),
      },
    });
  }

  // EntreComp: one achievement, one learning outcome per competence with its progression level.
  const entreComp = profile.entrepreneurship.entreComp;
  if (entreComp.length > 0) {
    claims.push({
      id: id("entrecomp"),
      type: "LearningAchievement",
      title: w.ENTRECOMP_TITLE,
      awardedBy: documented("entrecomp"),
      specifiedBy: {
        id: id("entrecomp", "specification"),
        type: "LearningAchievementSpecification",
        title: w.ENTRECOMP_TITLE,
        learningOutcome: entreComp.map((e) => {
          const number = ENTRECOMP.find((c) => c.key === e.competence)?.number ?? "";
          const words = w.ENTRECOMP_WORDS[e.competence];
          const level = w.ENTRECOMP_LEVEL(e.level);
          return {
            id: id("entrecomp", e.competence),
            type: "LearningOutcome",
            title: { de: `${number} ${words.de} – ${level.de}`, en: `${number} ${words.en} – ${level.en}` },
          };
        }),
      },
    });
  }

  const fullName = `${client.givenName} ${client.familyName}`;
  const subject = {
    id: id("person"),
    type: "Person",
    // A name is one value (the shapes allow one, language-tagged): tagged with the primary language.
    givenName: { de: client.givenName },
    familyName: { de: client.familyName },
    fullName: { de: fullName },
    ...(client.dateOfBirth ? { dateOfBirth: `${client.dateOfBirth}T00:00:00Z` } : {}),
    hasClaim: claims,
  };
  const claimTitles = claims.map((c) => (c.title as Text).de);

  return {
    "@context": CONTEXT,
    id: nodeId(profileId, "credential", issuedAt),
    type: ["VerifiableCredential", "EuropeanDigitalCredential"],
    credentialProfiles: GENERIC_PROFILE,
    credentialSchema: { id: SHACL_SCHEMA, type: "ShaclValidator2017" },
    displayParameter: displayParameter({
      id: (...parts) => id("display", ...parts),
      title: w.CREDENTIAL_TITLE,
      description: w.CREDENTIAL_DESCRIPTION,
      languages: [GERMAN, ENGLISH],
      encoding: BASE64,
      lines: { name: fullName, issuer: input.issuer.name, date: issuedAt.slice(0, 10), claims: claimTitles },
    }),
    issuer,
    issuanceDate: issuedAt,
    issued: issuedAt,
    validFrom: issuedAt,
    credentialSubject: subject,
  };
}
