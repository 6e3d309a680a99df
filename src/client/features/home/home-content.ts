import type { HomeItem, HomeSectionKey } from "#shared/contracts/home.ts";
import type { Permission } from "#shared/permissions.ts";

export type HomeCard = {
  /** Key under "home.cards". */
  key:
    | "cases"
    | "referrals"
    | "offers"
    | "interfaces"
    | "analytics"
    | "organisations"
    | "members"
    | "audit"
    | "organisation"
    | "trainings";
  to: string;
  permission: Permission;
};

/** The areas of the staff app a role works in, each with its permission; all of them exist today. */
export const HOME_CARDS: readonly HomeCard[] = [
  { key: "cases", to: "/cases", permission: "case.read" },
  { key: "referrals", to: "/referrals", permission: "referral.respond" },
  { key: "organisations", to: "/organisations", permission: "organisation.list" },
  { key: "members", to: "/members", permission: "member.list" },
  { key: "offers", to: "/offers", permission: "offer.read" },
  { key: "interfaces", to: "/interfaces", permission: "interface.read" },
  { key: "analytics", to: "/analytics", permission: "analytics.read" },
  { key: "audit", to: "/audit", permission: "audit.read" },
  { key: "organisation", to: "/organisation", permission: "organisation.read" },
  { key: "trainings", to: "/trainings", permission: "training.teach" },
];

/** A piece of an item's description: a key under home.item and its values. */
export type DetailPart = [key: string, values: Record<string, string | number>];

/**
 * What the start page says about one record besides its name, per kind of work: whom it came from
 * or went to, which case, and the date that matters (due, last updated, valid until).
 */
export function itemDetail(key: HomeSectionKey, i: HomeItem, day: (d: string) => string): DetailPart[] {
  const parts: DetailPart[] = [];
  const add = (k: string, values: Record<string, string | number> = {}) => parts.push([k, values]);
  const date = i.date ? day(i.date) : null;
  switch (key) {
    case "referrals_new":
    case "referrals_incoming_overdue":
    case "referrals_in_progress":
      if (i.organisation) add("from", { organisation: i.organisation });
      if (i.casePseudonym) add("case", { reference: i.casePseudonym });
      if (date) add(key === "referrals_in_progress" ? "completeDue" : "due", { date });
      break;
    case "referrals_outgoing_overdue":
      if (i.offer) add("offer", { offer: i.offer });
      if (i.organisation) add("to", { organisation: i.organisation });
      if (date) add("due", { date });
      break;
    case "assigned_cases":
      if (i.title) add("nextStep", { title: i.title });
      else add("noStep");
      if (date) add("due", { date });
      break;
    case "cases_without_step":
    case "special_data_unbased":
      if (i.casePseudonym) add("case", { reference: i.casePseudonym });
      break;
    case "interfaces_late":
      add("overdueReferrals", { n: i.count ?? 0 });
      if (date) add("since", { date });
      break;
    case "offers_stale":
    case "capacities_stale":
    case "organisation_offers":
      if (i.organisation) add("organisation", { organisation: i.organisation });
      if (key === "capacities_stale") add(date ? "capacityUpdated" : "capacityUndated", date ? { date } : {});
      else if (date) add("updated", { date });
      break;
    case "invitations_open":
      if (i.role) add("role", { role: i.role });
      if (date) add("expires", { date });
      break;
    case "training_cohorts":
      if (date) add("trainingStarts", { date });
      add("trainingEnrolled", { n: i.count ?? 0 });
      break;
    case "training_sessions_next":
      if (i.organisation) add("trainingCohort", { cohort: i.organisation });
      if (date) add("trainingOn", { date });
      break;
    case "training_attendance_open":
      if (i.organisation) add("trainingCohort", { cohort: i.organisation });
      if (date) add("trainingOn", { date });
      add("trainingOpen", { n: i.count ?? 0 });
      break;
    case "training_evaluations_open":
      add("trainingEvaluations", { n: i.count ?? 0 });
      break;
    case "mail_problems":
      if (i.title) add("subject", { subject: i.title });
      if (date) add("created", { date });
      break;
    default:
      break;
  }
  return parts;
}
