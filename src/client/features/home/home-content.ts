import type { Role } from "../../../shared/domain.ts";
import type { Permission } from "../../../shared/permissions.ts";

export type HomeCard = {
  /** Key under "home.cards". */
  key: "organisations" | "outbox" | "audit" | "members" | "organisation";
  to: string;
  permission: Permission;
};

/** The cards of the start page, most important first; each needs its permission. */
export const HOME_CARDS: readonly HomeCard[] = [
  { key: "organisations", to: "/organisations", permission: "organisation.list" },
  { key: "members", to: "/members", permission: "member.list" },
  { key: "outbox", to: "/outbox", permission: "outbox.read" },
  { key: "audit", to: "/audit", permission: "audit.read" },
  { key: "organisation", to: "/organisation", permission: "organisation.read" },
];

export type UpcomingModule =
  | "cases"
  | "consents"
  | "referrals"
  | "recognition"
  | "competences"
  | "trainings"
  | "interfaces"
  | "analytics"
  | "reports"
  | "offers"
  | "needs"
  | "assignedCases";

/** The modules that will come for each role (DOMAIN.md), so people know what Lotse is heading for. */
export const UPCOMING: Record<Role, readonly UpcomingModule[]> = {
  network_coordinator: ["interfaces", "analytics", "reports", "trainings"],
  org_admin: ["referrals"],
  // Cases, consents and recognition are here now (issue 4); the deadlines card leads to them.
  counsellor: ["referrals", "competences"],
  volunteer: ["referrals"],
  trainer: ["trainings"],
  company_contact: ["referrals", "needs"],
};
