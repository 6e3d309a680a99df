import type { Permission } from "../../shared/permissions.ts";

export type ModuleLink = {
  to: string;
  /** Key under "nav" in the catalogues. */
  label: "home" | "organisation" | "members" | "organisations" | "audit" | "outbox";
  /** Null: every logged-in person sees it. */
  permission: Permission | null;
};

/** The modules in navigation order; an entry shows only when the session holds its permission. */
export const MODULES: readonly ModuleLink[] = [
  { to: "/", label: "home", permission: null },
  { to: "/organisation", label: "organisation", permission: "organisation.read" },
  { to: "/members", label: "members", permission: "member.list" },
  { to: "/organisations", label: "organisations", permission: "organisation.list" },
  { to: "/audit", label: "audit", permission: "audit.read" },
  { to: "/outbox", label: "outbox", permission: "outbox.read" },
];

/** Whether a link is the current page or one of its sub-pages (/organisations/:id). */
export function isActive(to: string, pathname: string): boolean {
  return to === "/" ? pathname === "/" : pathname === to || pathname.startsWith(`${to}/`);
}
