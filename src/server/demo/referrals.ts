import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "#server/db/client.ts";
import { rebuildReferralFacts } from "#server/modules/analytics/facts.ts";
import { caseEvents, cases, clients } from "#server/modules/cases/tables.ts";
import { consents } from "#server/modules/consents/tables.ts";
import { resolveInterface } from "#server/modules/interfaces/settings.ts";
import { addWorkingDays, berlinDay, isWorkingDay } from "#server/modules/interfaces/working-days.ts";
import { offers } from "#server/modules/offers/tables.ts";
import { buildSnapshot } from "#server/modules/referrals/snapshot.ts";
import { referralEvents, referrals } from "#server/modules/referrals/tables.ts";
import { organisations, users } from "#server/platform/tables.ts";
import type { DeclineReason, ReferralDataItem, ReferralState } from "#shared/referrals.ts";
import { DEMO_ORGANISATIONS } from "./organisations.ts";

/**
 * Referrals of the demo's own counselling cases, so that the demo counsellor (beratung@) finds real
 * entries in the outgoing list — some waiting, some overdue against the agreed interface times,
 * some answered — and the demo volunteer (ehrenamt@) one of an assigned case. Each goes under a
 * referral consent of the client to the receiving organisation, as the wizard would send it, with
 * its history in the event log. Dates are worked out from today and the interface's agreed working
 * days, so "overdue" in the demo is overdue on the day it is seeded.
 */

type Story = "fresh" | "overdue_answer" | "accepted" | "overdue_completion" | "completed" | "declined";

type DemoReferral = {
  from: "cs-iq-md" | "cs-iq-hal" | "mo-md";
  client: string;
  to: string;
  by: "counsellor" | "volunteer";
  items: ReferralDataItem[];
  note: string;
  story: Story;
};

const DEMO_REFERRALS: DemoReferral[] = [
  {
    from: "cs-iq-md",
    client: "Rania Al-Khatib",
    to: "bt-md",
    by: "counsellor",
    items: ["name", "contact", "languages", "qualifications"],
    note: "Anpassungsqualifizierung nach Teilbescheid; Unterlagen zum Bescheid liegen vor.",
    story: "overdue_answer",
  },
  {
    from: "cs-iq-md",
    client: "Mohammad Rezaei",
    to: "ihk-md",
    by: "counsellor",
    items: ["name", "contact", "qualifications"],
    note: "Bitte um Prüfung der Gleichwertigkeit; Zeugnisse sind übersetzt.",
    story: "fresh",
  },
  {
    from: "cs-iq-md",
    client: "Fatima Noori",
    to: "bt-md",
    by: "counsellor",
    items: ["name", "contact", "languages"],
    note: "Berufssprachkurs B2 vor der Qualifizierung.",
    story: "overdue_completion",
  },
  {
    from: "cs-iq-md",
    client: "Mehmet Aydın",
    to: "ihk-md",
    by: "counsellor",
    items: ["name", "qualifications"],
    note: "Antrag auf Feststellung der Gleichwertigkeit.",
    story: "completed",
  },
  {
    from: "cs-iq-hal",
    client: "Priya Sharma",
    to: "bt-hal",
    by: "counsellor",
    items: ["name", "contact", "languages"],
    note: "Fachsprachkurs vor der Kenntnisprüfung.",
    story: "overdue_answer",
  },
  {
    from: "cs-iq-hal",
    client: "Emre Kaya",
    to: "bt-abi",
    by: "counsellor",
    items: ["name", "contact"],
    note: "Interesse an der Pflegeausbildung mit Anrechnung.",
    story: "accepted",
  },
  {
    from: "cs-iq-hal",
    client: "Senait Tesfay",
    to: "bt-hal",
    by: "counsellor",
    items: ["name", "languages"],
    note: "Integrationskurs abgeschlossen, nächster Schritt Berufssprachkurs.",
    story: "declined",
  },
  {
    from: "mo-md",
    client: "Halyna Shevchenko",
    to: "cs-iq-md",
    by: "volunteer",
    items: ["name", "contact", "languages"],
    note: "Erstgespräch zur Anerkennung; Begleitung durch Ehrenamt möglich.",
    story: "overdue_answer",
  },
];

/** The working day `n` working days before `day`. */
function workingDaysBefore(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() - 1);
    if (isWorkingDay(d.toISOString().slice(0, 10))) left--;
  }
  return d.toISOString().slice(0, 10);
}

/** A moment on a day, in the morning of Sachsen-Anhalt; `minutes` keeps moves of one day in order. */
const on = (day: string, minutes = 0) => new Date(Date.parse(`${day}T07:30:00Z`) + minutes * 60_000);

type Move = { to: ReferralState; day: string; reason?: string };

/** When the referral went and how it moved on, for its story and the interface's agreed days. */
function plan(story: Story, today: string, answer: number, complete: number) {
  const sent = (ago: number) => workingDaysBefore(today, ago);
  const after = (day: string, n: number) => addWorkingDays(day, n);
  switch (story) {
    case "fresh":
      return { sentDay: sent(1), moves: [] as Move[] };
    case "overdue_answer":
      return { sentDay: sent(answer + 2), moves: [] };
    case "accepted": {
      const day = sent(3);
      return { sentDay: day, moves: [{ to: "accepted", day: after(day, 1) }] as Move[] };
    }
    case "overdue_completion": {
      const day = sent(complete + 3);
      return {
        sentDay: day,
        moves: [
          { to: "accepted", day: after(day, 2) },
          { to: "in_progress", day: after(day, 4) },
        ] as Move[],
      };
    }
    case "completed": {
      const day = sent(complete + 15);
      return {
        sentDay: day,
        moves: [
          { to: "accepted", day: after(day, 2) },
          { to: "in_progress", day: after(day, 5) },
          { to: "completed", day: after(day, complete - 2), reason: "successful" },
        ] as Move[],
      };
    }
    case "declined": {
      const day = sent(answer + 6);
      return {
        sentDay: day,
        moves: [{ to: "declined", day: after(day, 2), reason: "no_capacity" }] as Move[],
      };
    }
  }
}

async function firstOffer(tx: Tx, organisationId: string) {
  const [offer] = await tx
    .select({ id: offers.id, name: offers.name, offerType: offers.offerType })
    .from(offers)
    .where(and(eq(offers.organisationId, organisationId), eq(offers.status, "active")))
    .orderBy(asc(offers.name))
    .limit(1);
  return offer;
}

/** Seeds the demo referrals into a freshly seeded demo; answers how many it sent. */
export async function seedDemoReferrals(db: Db, now = new Date()): Promise<number> {
  const today = berlinDay(now);
  const made = await db.transaction(async (tx) => {
    const orgRows = await tx.select({ id: organisations.id, name: organisations.name }).from(organisations);
    const idByName = new Map(orgRows.map((o) => [o.name, o.id]));
    const orgOf = new Map(DEMO_ORGANISATIONS.map((o) => [o.key, idByName.get(o.name)]));
    const people = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(users.email, ["beratung@lotse.example", "ehrenamt@lotse.example"]));
    const userOf = {
      counsellor: people.find((p) => p.email === "beratung@lotse.example")?.id,
      volunteer: people.find((p) => p.email === "ehrenamt@lotse.example")?.id,
    };
    let n = 0;
    for (const spec of DEMO_REFERRALS) {
      const fromId = orgOf.get(spec.from);
      const toId = orgOf.get(spec.to);
      const sender = userOf[spec.by];
      if (!fromId || !toId || !sender) continue;
      const [record] = await tx
        .select({
          id: cases.id,
          clientId: cases.clientId,
          pseudonym: cases.pseudonym,
          languages: clients.preferredLanguages,
        })
        .from(cases)
        .innerJoin(clients, eq(clients.id, cases.clientId))
        .where(and(eq(cases.organisationId, fromId), eq(clients.name, spec.client)));
      const offer = await firstOffer(tx, toId);
      if (!record || !offer) continue;
      const resolved = await resolveInterface(tx, fromId, toId);
      const { sentDay, moves } = plan(
        spec.story,
        today,
        resolved.answerWithinDays,
        resolved.completeWithinDays,
      );
      const sentAt = on(sentDay);
      const last = moves.at(-1);
      const closed = last && ["completed", "declined"].includes(last.to) ? last : undefined;

      const [consent] = await tx
        .insert(consents)
        .values({
          organisationId: fromId,
          clientId: record.clientId,
          purpose: "referral",
          recipientOrganisationId: toId,
          legalBasis: "art6_1a",
          dataCategories: ["identity", "contact", "qualifications"],
          informedLanguage: record.languages[0] ?? "de",
          form: "signed",
          givenAt: on(sentDay, -60),
          recordedBy: sender,
          createdAt: on(sentDay, -60),
        })
        .returning({ id: consents.id });
      const [referral] = await tx
        .insert(referrals)
        .values({
          caseId: record.id,
          fromOrganisationId: fromId,
          toOrganisationId: toId,
          offerId: offer.id,
          offerName: offer.name,
          interfaceId: resolved.withoutInterface ? null : (resolved.interface?.id ?? null),
          withoutInterface: resolved.withoutInterface,
          consentId: consent?.id ?? null,
          state: last?.to ?? "sent",
          outcome: closed?.to === "completed" ? "successful" : null,
          declineReason:
            closed?.to === "declined" ? ((closed.reason as DeclineReason | undefined) ?? null) : null,
          sharedItems: spec.items,
          // Closed referrals keep no shared data, as their closing move would have dropped it.
          snapshot: closed ? null : await buildSnapshot(tx, record.id, spec.items),
          note: closed ? null : spec.note,
          sentBy: sender,
          sentAt,
          answerDue: addWorkingDays(sentDay, resolved.answerWithinDays),
          completeDue: addWorkingDays(sentDay, resolved.completeWithinDays),
          answeredAt: moves[0] ? on(moves[0].day, 10) : null,
          closedAt: closed ? on(closed.day, 20) : null,
          createdAt: sentAt,
          updatedAt: last ? on(last.day, 20) : sentAt,
        })
        .returning({ id: referrals.id });
      if (!referral) continue;
      const event = (from: ReferralState | null, move: Move, minutes: number) => ({
        referralId: referral.id,
        casePseudonym: record.pseudonym,
        fromOrganisationId: fromId,
        toOrganisationId: toId,
        offerId: offer.id,
        offerType: offer.offerType,
        interfaceId: resolved.withoutInterface ? null : (resolved.interface?.id ?? null),
        fromState: from,
        toState: move.to,
        actorRole: from === null ? spec.by : "counsellor",
        reason: move.reason ?? null,
        at: on(move.day, minutes),
      });
      let from: ReferralState = "sent";
      const rows = [event(null, { to: "sent", day: sentDay }, 0)];
      for (const [i, move] of moves.entries()) {
        rows.push(event(from, move, 10 * (i + 1)));
        from = move.to;
      }
      await tx.insert(referralEvents).values(rows);
      await tx.insert(caseEvents).values([
        {
          caseId: record.id,
          kind: "consent_given",
          actorUserId: sender,
          subjectId: consent?.id ?? null,
          at: on(sentDay, -60),
          details: { purpose: "referral", recipientOrganisationId: toId },
        },
        {
          caseId: record.id,
          kind: "referral_sent",
          actorUserId: sender,
          subjectId: referral.id,
          at: sentAt,
          details: {
            toOrganisationId: toId,
            offerId: offer.id,
            items: spec.items,
            consentOverride: false,
            acknowledged: [],
          },
        },
      ]);
      n++;
    }
    return n;
  });
  // The analytics read summaries of the event log: they learn of these referrals too.
  if (made > 0) await rebuildReferralFacts(db);
  return made;
}
