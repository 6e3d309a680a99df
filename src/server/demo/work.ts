import { randomBytes } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "#server/db/client.ts";
import { cases } from "#server/modules/cases/tables.ts";
import { giveConsent } from "#server/modules/consents/service.ts";
import { addWorkingDays, berlinDay, isWorkingDay } from "#server/modules/interfaces/working-days.ts";
import { offers } from "#server/modules/offers/tables.ts";
import { sendReferral } from "#server/modules/referrals/service.ts";
import { referrals } from "#server/modules/referrals/tables.ts";
import { transitionReferral } from "#server/modules/referrals/transitions.ts";
import type { Ctx } from "#server/platform/context.ts";
import { AppError } from "#server/platform/errors.ts";
import type { Actor } from "#server/platform/session.ts";
import { mailTokens, memberships, organisations, outbox, users } from "#server/platform/tables.ts";
import { tokenHash } from "#server/platform/tokens.ts";
import type { ConsentCreate } from "#shared/contracts/consents.ts";
import type { ReferralCreate } from "#shared/contracts/referrals.ts";
import type { Role } from "#shared/domain.ts";
import { DEMO_ORGANISATIONS } from "./organisations.ts";

/**
 * The work of today for every demo login, made through the real use cases (so the audit log, the
 * case timelines and the notifications read as they would): referrals the counsellor and the
 * volunteer sent that are now overdue, new and running referrals for the company, one referral
 * sent without consent with its reason, and upkeep for the admins — an open invitation, an
 * undelivered mail, an offer untouched for a year, capacity figures gone stale. Runs after the
 * synthetic history (which only fills an empty referral log), on the start that seeded the demo.
 */

const orgName = (key: string) => DEMO_ORGANISATIONS.find((o) => o.key === key)?.name ?? "";

/** The membership of a demo person in an organisation (by e-mail, or the first of a role) as an actor. */
async function actorOf(db: Db, who: string | { role: Role }, orgKey: string): Promise<Actor> {
  const [row] = await db
    .select({
      userId: users.id,
      userName: users.name,
      email: users.email,
      membershipId: memberships.id,
      organisationId: organisations.id,
      organisationName: organisations.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        typeof who === "string" ? eq(users.email, who) : eq(memberships.role, who.role),
        eq(organisations.name, orgName(orgKey)),
      ),
    )
    .orderBy(asc(users.email))
    .limit(1);
  if (!row) throw new Error(`demo work: no ${JSON.stringify(who)} in ${orgKey}`);
  return {
    ...row,
    role: row.role as Role,
    locale: "de",
    sessionId: "demo-seed",
    csrfToken: "",
    ssoOrganisationId: null,
  };
}

const ctxOf = (db: Db, actor: Actor): Ctx => ({
  db,
  actor,
  requestId: `demo-${randomBytes(6).toString("hex")}`,
});

/** Open cases of the organisation assigned to the actor, in the demo's fixed order. */
async function casesOf(db: Db, actor: Actor) {
  return db
    .select({ caseId: cases.id, clientId: cases.clientId })
    .from(cases)
    .where(
      and(
        eq(cases.organisationId, actor.organisationId),
        eq(cases.assigneeUserId, actor.userId),
        eq(cases.status, "open"),
      ),
    )
    .orderBy(asc(cases.pseudonym));
}

async function offerOf(db: Db, orgKey: string, namePart: string) {
  const [row] = await db
    .select({ id: offers.id, organisationId: offers.organisationId })
    .from(offers)
    .innerJoin(organisations, eq(organisations.id, offers.organisationId))
    .where(
      and(
        eq(organisations.name, orgName(orgKey)),
        eq(offers.status, "active"),
        sql`${offers.name} ilike ${`%${namePart}%`}`,
      ),
    )
    .orderBy(asc(offers.name))
    .limit(1);
  return row ?? null;
}

/** Gives the referral consent and sends; returns the referral's id. */
async function refer(
  db: Db,
  actor: Actor,
  p: { caseId: string; clientId: string; offer: { id: string; organisationId: string } },
  input: Omit<ReferralCreate, "offerId">,
  consent: ConsentCreate["dataCategories"] | null,
  /** Who records the consent: a counsellor (volunteers may refer, but not record consents). */
  recorder: Actor = actor,
): Promise<string> {
  if (consent) {
    // The demo's referral history may have recorded this consent already: then it stands.
    await giveConsent({
      ...ctxOf(db, recorder),
      clientId: p.clientId,
      input: {
        purpose: "referral",
        recipientOrganisationId: p.offer.organisationId,
        legalBasis: "art6_1a",
        dataCategories: consent,
        informedLanguage: "de",
        form: "signed",
      },
    }).catch((error: unknown) => {
      if (!(error instanceof AppError && error.code === "consent.already_active")) throw error;
    });
  }
  const { referral } = await sendReferral({
    ...ctxOf(db, actor),
    caseId: p.caseId,
    input: { offerId: p.offer.id, ...input },
    idempotencyKey: null,
  });
  return referral.id;
}

/**
 * Moves a referral back in time: sent `daysAgo` working days ago, so its answer is now overdue. The
 * event log is append-only and keeps the moment the demo was seeded.
 */
async function sentDaysAgo(db: Db, referralId: string, daysAgo: number) {
  let sent = berlinDay();
  for (let left = daysAgo; left > 0; ) {
    const d = new Date(`${sent}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    sent = d.toISOString().slice(0, 10);
    if (isWorkingDay(sent)) left--;
  }
  await db
    .update(referrals)
    .set({
      sentAt: new Date(`${sent}T09:00:00Z`),
      answerDue: addWorkingDays(sent, 5),
      completeDue: addWorkingDays(sent, 30),
      createdAt: new Date(`${sent}T09:00:00Z`),
    })
    .where(eq(referrals.id, referralId));
}

async function referralWork(db: Db) {
  const hal = await actorOf(db, "beratung@lotse.example", "cs-iq-hal");
  const md = await actorOf(db, "beratung@lotse.example", "cs-iq-md");
  const volunteer = await actorOf(db, "ehrenamt@lotse.example", "mo-md");
  const company = await actorOf(db, "unternehmen@lotse.example", "co-md");
  const induction = await offerOf(db, "co-md", "Einarbeitung");
  const language = await offerOf(db, "bt-md", "Berufssprachkurs");
  if (!induction || !language) return;

  for (const counsellor of [md, hal]) {
    const [first, second] = await casesOf(db, counsellor);
    if (!first || !second) continue;
    // Sent two weeks ago, never answered: overdue for the counsellor, overdue in the receiver's inbox.
    const late = await refer(
      db,
      counsellor,
      { ...first, offer: language },
      {
        items: ["name", "contact", "languages"],
        note: "Bitte um einen Platz im nächsten Kurs.",
        acknowledged: [],
      },
      ["identity", "contact"],
    );
    await sentDaysAgo(db, late, 10);
    // Freshly sent to the company: a new referral in its inbox.
    await refer(
      db,
      counsellor,
      { ...second, offer: induction },
      {
        items: ["name", "qualifications"],
        note: "Abschluss als Maschinenbautechniker, Deutsch B2.",
        acknowledged: [],
      },
      ["identity", "qualifications"],
    );
  }

  // Sent without a written consent, with the reason the audit log shows; the company took it on.
  const [, , third] = await casesOf(db, md);
  if (third) {
    const override = await refer(
      db,
      md,
      { ...third, offer: induction },
      {
        items: ["name"],
        acknowledged: [],
        consentOverrideReason:
          "Die Person hat im Gespräch mündlich zugestimmt; die unterschriebene Einwilligung bringt sie zum nächsten Termin mit.",
      },
      null,
    );
    for (const to of ["accepted", "in_progress"] as const) {
      await transitionReferral({ ...ctxOf(db, company), referralId: override, input: { to } });
    }
  }

  // The volunteer referred within a consent the organisation's counsellor recorded (the referral
  // history already has one to the Anerkennungsberatung); the language school's answer is overdue.
  const [assigned] = await casesOf(db, volunteer);
  if (assigned) {
    const late = await refer(
      db,
      volunteer,
      { ...assigned, offer: language },
      {
        items: ["name", "contact"],
        note: "Sucht nach der Anerkennung einen Berufssprachkurs.",
        acknowledged: [],
      },
      ["identity", "contact"],
      await actorOf(db, { role: "counsellor" }, "mo-md"),
    );
    await sentDaysAgo(db, late, 8);
  }
}

/** Upkeep for the admins: an open invitation, a mail that bounced, offers and capacities gone stale. */
async function upkeepWork(db: Db) {
  const [mo] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, orgName("mo-md")));
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, "admin@lotse.example"));
  if (!mo || !admin) return;
  const days = (n: number) => sql`now() + make_interval(days => ${n})`;
  await db.insert(mailTokens).values({
    kind: "invitation",
    tokenHash: tokenHash(randomBytes(24).toString("base64url")),
    email: "mentorin.neu@lotse.example",
    organisationId: mo.id,
    role: "volunteer",
    createdBy: admin.id,
    expiresAt: days(5),
  });
  await db.insert(outbox).values({
    organisationId: mo.id,
    toAddress: "y.mansour@lotse-demo.invalid",
    subject: "Einladung zu Lotse",
    bodyText: "Sie wurden zu Lotse eingeladen. (Demo: Diese Adresse gibt es nicht.)",
    template: "invitation",
    status: "failed",
    attempts: 5,
    lastError: "550 5.1.1 mailbox unavailable",
  });

  const moOffers = await db
    .select({ id: offers.id })
    .from(offers)
    .where(and(eq(offers.organisationId, mo.id), eq(offers.status, "active")))
    .orderBy(asc(offers.name));
  const [stale, capacity] = moOffers;
  if (stale)
    await db
      .update(offers)
      .set({ updatedAt: days(-430) })
      .where(eq(offers.id, stale.id));
  if (capacity) {
    await db
      .update(offers)
      .set({ capacityMaximum: 12, capacityAvailable: 3, capacityUpdatedAt: days(-45) })
      .where(eq(offers.id, capacity.id));
  }
  // Elsewhere in the network: the coordination sees these too.
  const others = await db
    .select({ id: offers.id })
    .from(offers)
    .innerJoin(organisations, eq(organisations.id, offers.organisationId))
    .where(inArray(organisations.name, [orgName("bt-hal"), orgName("wa-boerde")]))
    .orderBy(asc(offers.name))
    .limit(3);
  for (const [i, o] of others.entries()) {
    await db
      .update(offers)
      .set(
        i === 0
          ? { updatedAt: days(-400) }
          : { capacityMaximum: 16, capacityAvailable: 0, capacityUpdatedAt: days(-60) },
      )
      .where(eq(offers.id, o.id));
  }
}

/** Adds today's work for every demo role to a freshly seeded demo network. */
export async function seedDemoWork(db: Db): Promise<void> {
  await referralWork(db);
  await upkeepWork(db);
}
