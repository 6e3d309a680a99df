import { listDeadlines } from "#server/modules/cases/deadlines.ts";
import {
  assignedCases,
  casesWithoutStep,
  casesWithUncoveredSpecialData,
} from "#server/modules/cases/start-counts.ts";
import { countOwnInterfaces } from "#server/modules/interfaces/start-counts.ts";
import { countActiveMembers, openInvitations } from "#server/modules/members/start-counts.ts";
import { ownOffers, staleCapacities, staleOffers } from "#server/modules/offers/start-counts.ts";
import { failedMails } from "#server/modules/outbox/start-counts.ts";
import { inboxCounts } from "#server/modules/referrals/read.ts";
import {
  incomingReferrals,
  lateInterfaces,
  openReferralsInNetwork,
  outgoingOverdue,
} from "#server/modules/referrals/start-counts.ts";
import {
  trainerAttendanceOpen,
  trainerCohorts,
  trainerEvaluationsOpen,
  trainerNextSessions,
} from "#server/modules/trainings/sessions/start-counts.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { isVolunteer, mayReadSpecial } from "#server/platform/tenancy.ts";
import type { Home, HomeItem, HomeSection, HomeSectionKey } from "#shared/contracts/home.ts";
import { can } from "#shared/permissions.ts";

/**
 * The start page of each role: the work it has today, counted by the modules that own the records
 * (each query scoped to the actor's organisation, or to the network for the coordination), and the
 * records named with links to where the work is done. Nothing is announced that does not exist.
 */

type Part = { count: number; items?: HomeItem[]; overdue?: number };

function section(key: HomeSectionKey, part: Part, tone: HomeSection["tone"], to: string | null): HomeSection {
  return {
    key,
    count: part.count,
    overdue: part.overdue ?? null,
    // Nothing to do is good news, not a warning.
    tone: part.count === 0 ? "info" : tone,
    to,
    items: part.items ?? [],
  };
}

const overdueItems = (items: HomeItem[]) => items.filter((i) => i.overdue).length;

/** Counsellors and volunteers: their cases, and the referrals they sent that are late. */
async function caseWork(ctx: Ctx): Promise<HomeSection[]> {
  const volunteer = isVolunteer(ctx.actor);
  const [cases, outgoing, special] = await Promise.all([
    volunteer ? assignedCases(ctx) : casesWithoutStep(ctx),
    can(ctx.actor.role, "referral.send") ? outgoingOverdue(ctx) : null,
    casesWithUncoveredSpecialData(ctx),
  ]);
  const out: HomeSection[] = [];
  if (volunteer) {
    out.push(
      section(
        "assigned_cases",
        { ...cases, overdue: overdueItems(cases.items) },
        "attention",
        "/cases?assignee=me",
      ),
    );
  }
  if (outgoing) out.push(section("referrals_outgoing_overdue", outgoing, "overdue", null));
  if (!volunteer) out.push(section("cases_without_step", cases, "attention", "/cases?assignee=me"));
  if (mayReadSpecial(ctx.actor)) out.push(section("special_data_unbased", special, "overdue", null));
  return out;
}

/** Those who answer referrals (counsellors, company contacts): the organisation's inbox. */
async function inboxWork(ctx: Ctx): Promise<HomeSection[]> {
  const company = ctx.actor.role === "company_contact";
  const [counts, fresh, late, running] = await Promise.all([
    inboxCounts(ctx),
    incomingReferrals(ctx, "new"),
    incomingReferrals(ctx, "overdue"),
    company ? incomingReferrals(ctx, "in_progress") : null,
  ]);
  // The inbox's own counts, so that the start page and the inbox tabs never disagree.
  const out = [
    section("referrals_new", { ...fresh, count: counts.new }, "attention", "/referrals?bucket=new"),
    section(
      "referrals_incoming_overdue",
      { ...late, count: counts.overdue },
      "overdue",
      "/referrals?bucket=overdue",
    ),
  ];
  if (running) {
    out.push(
      section(
        "referrals_in_progress",
        { ...running, count: counts.in_progress },
        "attention",
        "/referrals?bucket=in_progress",
      ),
    );
  }
  return out;
}

/** The network coordination: late interfaces, open referrals, directory upkeep, undelivered mail. */
async function coordinationWork(ctx: Ctx): Promise<HomeSection[]> {
  const [late, open, offers, capacities, mails] = await Promise.all([
    lateInterfaces(ctx),
    openReferralsInNetwork(ctx),
    staleOffers(ctx),
    staleCapacities(ctx),
    failedMails(ctx),
  ]);
  return [
    section("interfaces_late", late, "overdue", "/interfaces"),
    section("referrals_open", { count: open.open, overdue: open.overdue }, "info", "/analytics"),
    section("offers_stale", offers, "attention", "/offers"),
    section("capacities_stale", capacities, "attention", "/offers"),
    section("mail_problems", mails, "overdue", "/outbox"),
  ];
}

/** An organisation admin: members, open invitations, undelivered mail, the organisation's offers. */
async function adminWork(ctx: Ctx): Promise<HomeSection[]> {
  const [members, invitations, mails, offers, capacities] = await Promise.all([
    countActiveMembers(ctx),
    openInvitations(ctx),
    failedMails(ctx),
    staleOffers(ctx),
    staleCapacities(ctx),
  ]);
  return [
    section("members", { count: members }, "info", "/members"),
    section("invitations_open", invitations, "attention", "/members"),
    section("mail_problems", mails, "overdue", "/members"),
    section("offers_stale", offers, "attention", "/offers"),
    section("capacities_stale", capacities, "attention", "/offers"),
  ];
}

/**
 * Trainers: the cohorts they teach, their next sessions, attendance still to enter and
 * self-assessments outstanding; then what their organisation has in the network.
 */
async function trainerWork(ctx: Ctx): Promise<HomeSection[]> {
  const [cohorts, next, attendance, evaluations, offers, interfaces] = await Promise.all([
    trainerCohorts(ctx),
    trainerNextSessions(ctx),
    trainerAttendanceOpen(ctx),
    trainerEvaluationsOpen(ctx),
    ownOffers(ctx),
    countOwnInterfaces(ctx),
  ]);
  return [
    section("training_cohorts", cohorts, "info", "/trainings"),
    section("training_sessions_next", next, "info", "/trainings"),
    section("training_attendance_open", attendance, "attention", null),
    section("training_evaluations_open", evaluations, "attention", null),
    section("organisation_offers", offers, "info", "/offers"),
    section("organisation_interfaces", { count: interfaces }, "info", "/interfaces"),
  ];
}

async function sectionsFor(ctx: Ctx): Promise<HomeSection[]> {
  switch (ctx.actor.role) {
    case "network_coordinator":
      return coordinationWork(ctx);
    case "org_admin":
      return adminWork(ctx);
    case "counsellor":
      return [...(await inboxWork(ctx)), ...(await caseWork(ctx))];
    case "volunteer":
      return caseWork(ctx);
    case "company_contact":
      return inboxWork(ctx);
    case "trainer":
      return trainerWork(ctx);
  }
}

/**
 * The caller's start page. It names clients (the caller's own cases, the referrals they sent), so
 * it is audited like any list of personal data: which cases and referrals were shown.
 */
export async function getHome(ctx: Ctx): Promise<Home> {
  const counselling = can(ctx.actor.role, "case.read");
  const [deadlines, sections] = await Promise.all([
    counselling ? listDeadlines({ ...ctx, scope: "mine" }) : null,
    sectionsFor(ctx),
  ]);
  await audit(ctx.db, ctx, {
    action: "home.read",
    entity: "organisation",
    entityId: ctx.actor.organisationId,
    organisationId: ctx.actor.organisationId,
    details: Object.fromEntries(
      sections.filter((s) => s.items.length > 0).map((s) => [s.key, s.items.map((i) => i.id)]),
    ),
  });
  return { deadlines: deadlines?.items ?? null, sections };
}
