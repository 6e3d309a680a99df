import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import { competenceProfileVersions } from "../../src/server/db/schema.ts";
import type { Agent, createTestApp } from "../helpers/app.ts";
import { buildCase, buildClient } from "../helpers/case-factories.ts";
import { buildOrganisation, buildUser } from "../helpers/factories.ts";

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** Real ESCO v1.2 concepts and KldB 2010 codes (reference/esco, reference/kldb2010). */
export const ESCO = {
  speakGerman: "http://data.europa.eu/esco/skill/2abb9db5-350c-444c-8292-0e0b2ce00f9a",
  forklift: "http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da",
  office: "http://data.europa.eu/esco/skill/f683ae1d-cb7c-4aa1-b9fe-205e1bd23535",
  nurse: "http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50",
  warehouse: "http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f",
  unknownSkill: "http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000000",
  unknownOccupation: "http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-000000000000",
};
export const KLDB = { nurse: "81302", warehouse: "51311", unknown: "99999" };

export const ok = async (res: Promise<{ statusCode: number; body: string }>, status = 200) => {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return JSON.parse(r.body || "null");
};

/**
 * A counselling service with two counsellors, a volunteer with the client's case assigned, a
 * volunteer without, an admin; a client with a case; a company with a contact and a colleague;
 * and another counselling service that must see nothing.
 */
export async function competenceWorld(t: TestApp) {
  const org = await buildOrganisation(t.db, { name: `Beratung ${randomUUID().slice(0, 6)}` });
  const counsellor = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
  const colleague = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
  const volunteer = await buildUser(t.db, { organisationId: org.id, role: "volunteer" });
  const otherVolunteer = await buildUser(t.db, { organisationId: org.id, role: "volunteer" });
  const admin = await buildUser(t.db, { organisationId: org.id, role: "org_admin" });
  const tag = randomUUID().slice(0, 8);
  const client = await buildClient(t.db, {
    organisationId: org.id,
    name: `Rana Haddad ${tag}`,
    preferredLanguages: ["ar", "de"],
  });
  const record = await buildCase(t.db, {
    organisationId: org.id,
    clientId: client.id,
    assigneeUserId: volunteer.id,
  });
  const company = await buildOrganisation(t.db, { name: `Pflegeheim ${tag} GmbH`, type: "company" });
  const contact = await buildUser(t.db, { organisationId: company.id, role: "company_contact" });
  const companyColleague = await buildUser(t.db, { organisationId: company.id, role: "company_contact" });
  const other = await buildOrganisation(t.db);
  const otherCounsellor = await buildUser(t.db, { organisationId: other.id, role: "counsellor" });
  return {
    org,
    client,
    record,
    company,
    tag,
    ids: { counsellor: counsellor.id, contact: contact.id, volunteer: volunteer.id },
    counsellor: await t.loginAs(counsellor.email),
    colleague: await t.loginAs(colleague.email),
    volunteer: await t.loginAs(volunteer.email),
    otherVolunteer: await t.loginAs(otherVolunteer.email),
    admin: await t.loginAs(admin.email),
    contact: await t.loginAs(contact.email),
    companyColleague: await t.loginAs(companyColleague.email),
    otherCounsellor: await t.loginAs(otherCounsellor.email),
  };
}
export type World = Awaited<ReturnType<typeof competenceWorld>>;

/** Starts the client's profile linked to the case; answers it with its ETag. */
export async function startProfile(w: World) {
  const res = await w.counsellor.request("POST", `/api/clients/${w.client.id}/competence-profile`, {
    body: { caseId: w.record.id },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { profile: res.json(), etag: String(res.headers.etag) };
}

/** Saves a sitting with If-Match; answers the response. */
export function save(agent: Agent, profileId: string, etag: string | null, body: unknown) {
  return agent.request("PATCH", `/api/competence-profiles/${profileId}`, {
    body,
    headers: etag ? { "if-match": etag } : {},
  });
}

/** Ends the current sitting as if the counsellor had left more than an hour ago. */
export async function endSitting(t: TestApp, profileId: string) {
  await t.db
    .update(competenceProfileVersions)
    .set({ savedAt: sql`${competenceProfileVersions.savedAt} - interval '2 hours'` })
    .where(eq(competenceProfileVersions.profileId, profileId));
}

/** The four KomBI steps of an Arabic-speaking nurse, as content parts. */
export function nurseContent() {
  const phase = randomUUID();
  const activity = randomUUID();
  const activity2 = randomUUID();
  const work = randomUUID();
  return {
    ids: { phase, activity, activity2, work },
    phases: [
      {
        id: phase,
        kind: "work",
        title: "Krankenpflegerin im Krankenhaus Aleppo",
        from: "2012-09",
        to: "2019-06",
        country: "SY",
        activities: [
          { id: activity, description: "Patientinnen und Patienten auf der Station versorgt" },
          { id: activity2, description: "Medikamente nach Plan gestellt" },
        ],
      },
      {
        id: randomUUID(),
        kind: "migration",
        title: "Flucht nach Deutschland",
        from: "2019-07",
        to: "2020-02",
      },
    ],
    work: [
      {
        id: work,
        title: "Krankenpflegerin",
        escoOccupationUri: ESCO.nurse,
        kldbCode: KLDB.nurse,
        country: "SY",
        from: "2012-09",
        to: "2019-06",
      },
    ],
    competences: [
      {
        id: randomUUID(),
        title: "Deutsch sprechen",
        escoUri: ESCO.speakGerman,
        context: "non_formal",
        activityIds: [],
        evidence: [{ kind: "certificate", note: "DTZ B1" }],
        clientRating: 2,
        counsellorRating: 3,
      },
      {
        id: randomUUID(),
        title: "Pflege von Angehörigen",
        context: "informal",
        activityIds: [activity],
        evidence: [{ kind: "self_reported" }],
      },
    ],
    languages: {
      motherTongues: ["ar"],
      other: [
        {
          language: "de",
          listening: "B1",
          reading: "B1",
          spokenInteraction: "B1",
          spokenProduction: "A2",
          writing: "A2",
          certificates: [{ kind: "dtz", level: "B1", date: "2021-05-14" }],
        },
      ],
    },
  };
}
