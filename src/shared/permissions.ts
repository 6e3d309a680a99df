import { ROLES, type Role } from "./domain.ts";

const ALL: readonly Role[] = ROLES;
const ADMINS: readonly Role[] = ["network_coordinator", "org_admin"];
const COORDINATION: readonly Role[] = ["network_coordinator"];
const COUNSELLING: readonly Role[] = ["counsellor", "volunteer"];
const COUNSELLORS: readonly Role[] = ["counsellor"];

/**
 * Every `resource.action` that a route may require, with the roles that hold it.
 * Whether the action applies to a concrete record (own organisation or the whole network)
 * is decided by the module's policy; this registry only says who may try.
 */
export const PERMISSIONS = {
  "organisation.read": ALL,
  "organisation.update": ADMINS,
  "organisation.list": COORDINATION,
  "organisation.create": COORDINATION,
  "member.list": ADMINS,
  "member.read": ADMINS,
  "member.update": ADMINS,
  "member.invite": ADMINS,
  "audit.read": ADMINS,
  "outbox.read": COORDINATION,
  "directory.import": COORDINATION,
  "directory.analyse": COORDINATION,
  "offer.read": ALL,
  "offer.manage": ADMINS,
  // Personal data of counselling: never network scope; volunteers only on cases assigned to them.
  "case.read": COUNSELLING,
  "case.create": COUNSELLORS,
  "case.update": COUNSELLORS,
  "case.document": COUNSELLING,
  "client.read": COUNSELLING,
  "client.update": COUNSELLORS,
  "client.export": COUNSELLORS,
  "client.erase": COUNSELLORS,
  "consent.read": COUNSELLING,
  "consent.manage": COUNSELLORS,
  "recognition.read": COUNSELLING,
  "recognition.manage": COUNSELLORS,
  "occupation.search": ALL,
  // Competence profiles: the client's document, kept by staff counsellors; volunteers read the
  // profiles of their assigned cases without special categories; recipients read what was shared.
  "competence.read": COUNSELLING,
  "competence.manage": COUNSELLORS,
  "competence.share": COUNSELLORS,
  "competence_share.read": ["counsellor", "org_admin", "company_contact"],
  "esco.search": ALL,
  // Interfaces are network knowledge: everyone reads the register; the coordination and the admins
  // of the two organisations maintain it (policy decides which pair).
  "interface.read": ALL,
  "interface.manage": ADMINS,
  "referral_settings.manage": COORDINATION,
  // Referrals: sent from a case (volunteers on their assigned cases), answered by the receiver.
  "referral.send": COUNSELLING,
  // Sending without the client's consent is a data-protection judgement: staff counsellors only.
  "referral.consent_override": COUNSELLORS,
  "referral.read": ["counsellor", "volunteer", "company_contact"],
  "referral.respond": ["counsellor", "company_contact"],
  "notification.read": ALL,
  // Analytics are pseudonymised: the coordination sees the network, others their own interfaces.
  "analytics.read": ["network_coordinator", "org_admin", "counsellor"],
  // Single sign-on: the coordination configures an organisation's provider; its admins see it.
  "sso_provider.read": ADMINS,
  "sso_provider.manage": COORDINATION,
  // Trainings: the coordination office runs the programmes and cohorts and issues certificates;
  // trainers run their own cohorts (policy: trainers of the cohort); admins register members;
  // everyone reads what concerns them (their cohorts as participant, the exchange space).
  "training.read": ALL,
  "training_programme.manage": COORDINATION,
  "training_cohort.manage": COORDINATION,
  "training.register": ADMINS,
  "training.teach": ["network_coordinator", "trainer"],
  "training_certificate.issue": COORDINATION,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Permissions that no route requires as a whole: a use case checks them on one part of a request. */
export const CHECKED_IN_USE_CASES: readonly Permission[] = ["referral.consent_override"];
/** What a route declares: a registry permission, or one of the two access levels without a role. */
export type RouteAccess = Permission | "public" | "authenticated";

export const PERMISSION_KEYS = Object.keys(PERMISSIONS) as Permission[];

/** Whether a role holds a permission. */
export function can(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Whether the role acts for the whole network rather than one organisation. */
export function hasNetworkScope(role: Role | undefined): boolean {
  return role === "network_coordinator";
}

/** All permissions a role holds, for the session and the client's navigation. */
export function permissionsOf(role: Role): Permission[] {
  return PERMISSION_KEYS.filter((p) => can(role, p));
}
