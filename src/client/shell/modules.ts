import type { Permission } from "#shared/permissions.ts";

export type ModuleLink = {
  to: string;
  /** Key under "nav" in the catalogues, or a full key when a module keeps it in its own namespace. */
  label:
    | "home"
    | "organisation"
    | "offers"
    | "members"
    | "organisations"
    | "audit"
    | "outbox"
    | "directoryImport.nav"
    | "matrix.nav"
    | "cases.nav"
    | "interfaces.nav"
    | "analytics.nav"
    | "referrals.nav"
    | "competenceProfile.nav"
    | "competenceProfile.sharedNav"
    | "trainings.nav";
  /** Null: every logged-in person sees it. */
  permission: Permission | null;
};

/** The modules in navigation order; an entry shows only when the session holds its permission. */
export const MODULES: readonly ModuleLink[] = [
  { to: "/", label: "home", permission: null },
  { to: "/cases", label: "cases.nav", permission: "case.read" },
  // Inbox (counsellors, company contacts) and outgoing list (counsellors, volunteers) on one page.
  { to: "/referrals", label: "referrals.nav", permission: "referral.read" },
  { to: "/competences", label: "competenceProfile.nav", permission: "competence.read" },
  // Profiles other organisations shared (company contacts, partner counsellors).
  { to: "/competences/shared", label: "competenceProfile.sharedNav", permission: "competence_share.read" },
  { to: "/trainings", label: "trainings.nav", permission: "training.read" },
  { to: "/organisation", label: "organisation", permission: "organisation.read" },
  { to: "/offers", label: "offers", permission: "offer.read" },
  { to: "/interfaces", label: "interfaces.nav", permission: "interface.read" },
  { to: "/analytics", label: "analytics.nav", permission: "analytics.read" },
  { to: "/members", label: "members", permission: "member.list" },
  { to: "/organisations", label: "organisations", permission: "organisation.list" },
  { to: "/directory/matrix", label: "matrix.nav", permission: "directory.analyse" },
  { to: "/audit", label: "audit", permission: "audit.read" },
  { to: "/outbox", label: "outbox", permission: "outbox.read" },
  { to: "/directory/import", label: "directoryImport.nav", permission: "directory.import" },
];

/** Whether a link is the current page or one of its sub-pages (/organisations/:id). */
export function isActive(to: string, pathname: string): boolean {
  return to === "/" ? pathname === "/" : pathname === to || pathname.startsWith(`${to}/`);
}
