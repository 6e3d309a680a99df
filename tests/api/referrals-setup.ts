import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import type { Agent } from "../helpers/app.ts";
import { buildCase, buildClient } from "../helpers/case-factories.ts";
import { buildOrganisation, buildUser } from "../helpers/factories.ts";
import { buildOffer } from "../helpers/hsds.ts";

/**
 * The scene of the referral tests: a counselling service sends, a Bildungsträger receives. The
 * client has contact data and a special-category note, so a test can see what does not travel.
 */

type TestApp = {
  db: Parameters<typeof buildOrganisation>[0];
  loginAs(email: string): Promise<Agent>;
};

export async function referralScene(t: TestApp) {
  const sender = await buildOrganisation(t.db, { name: `Beratungsstelle ${randomBytes(3).toString("hex")}` });
  const receiver = await buildOrganisation(t.db, {
    name: `Bildungswerk ${randomBytes(3).toString("hex")}`,
    type: "education_provider",
  });
  const counsellorUser = await buildUser(t.db, { organisationId: sender.id, role: "counsellor" });
  const volunteerUser = await buildUser(t.db, { organisationId: sender.id, role: "volunteer" });
  const receiverCounsellorUser = await buildUser(t.db, { organisationId: receiver.id, role: "counsellor" });
  const companyContactUser = await buildUser(t.db, { organisationId: receiver.id, role: "company_contact" });
  const client = await buildClient(t.db, {
    organisationId: sender.id,
    name: "Amina Haddad",
    email: "amina@example.org",
    phone: "+49 391 555 01",
    dateOfBirth: "1990-04-02",
    preferredLanguages: ["ar", "de"],
    countryOfOrigin: "SY",
    healthNote: "Rückenleiden",
    religion: "Sunni",
  });
  const caseRecord = await buildCase(t.db, {
    organisationId: sender.id,
    clientId: client.id,
    assigneeUserId: volunteerUser.id,
    goals: "Anerkennung als Pflegefachfrau",
  });
  const { offer } = await buildOffer(t.db, receiver.id);
  return {
    sender,
    receiver,
    client,
    caseRecord,
    offer,
    counsellorUser,
    volunteerUser,
    receiverCounsellorUser,
    counsellor: await t.loginAs(counsellorUser.email),
    volunteer: await t.loginAs(volunteerUser.email),
    receiverCounsellor: await t.loginAs(receiverCounsellorUser.email),
    companyContact: await t.loginAs(companyContactUser.email),
  };
}
export type Scene = Awaited<ReturnType<typeof referralScene>>;

/** The client's consent to a referral to the receiving organisation, given through the API. */
export async function giveReferralConsent(
  s: Scene,
  dataCategories: string[] = ["identity", "contact"],
): Promise<string> {
  const res = await s.counsellor.request("POST", `/api/clients/${s.client.id}/consents`, {
    body: {
      purpose: "referral",
      recipientOrganisationId: s.receiver.id,
      legalBasis: "art6_1a",
      dataCategories,
      informedLanguage: "ar",
      form: "signed",
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** Sends a referral of the scene's case to its offer; answers the response. */
export function send(
  s: Scene,
  body: Record<string, unknown> = {},
  opts: { agent?: Agent; key?: string } = {},
) {
  return (opts.agent ?? s.counsellor).request("POST", `/api/cases/${s.caseRecord.id}/referrals`, {
    body: { offerId: s.offer.id, items: ["name", "contact"], note: "Bitte bald melden.", ...body },
    ...(opts.key ? { headers: { "idempotency-key": opts.key } } : {}),
  });
}

/** Sends a referral with consent given; answers its id. */
export async function sentReferral(s: Scene): Promise<string> {
  await giveReferralConsent(s);
  const res = await send(s);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
