import { z } from "zod";
import { LOCALES, ROLES } from "#shared/domain.ts";
import { PERMISSION_KEYS } from "#shared/permissions.ts";
import { Id } from "./common.ts";

export const Email = z.email().max(254).describe("E-mail address used to log in");
/** A new password: long rather than complicated (NIST SP 800-63B). */
export const NewPassword = z.string().min(10).max(200).describe("At least 10 characters");

export const LoginBody = z.object({
  email: Email,
  password: z.string().min(1).max(200).describe("The account's password"),
});

export const MembershipSummary = z.object({
  membershipId: Id,
  organisationId: Id,
  organisationName: z.string(),
  role: z.enum(ROLES).describe("Role held in this organisation"),
});

export const SessionInfo = z
  .object({
    user: z.object({
      id: Id,
      name: z.string(),
      email: z.string(),
      locale: z.enum(LOCALES).describe("Preferred language of the interface"),
    }),
    active: MembershipSummary.describe("The organisation the user currently acts for"),
    memberships: z.array(MembershipSummary).describe("All active memberships, for the organisation switcher"),
    permissions: z
      .array(z.enum(PERMISSION_KEYS as [string, ...string[]]))
      .describe("What the active role may do"),
    csrfToken: z.string().describe("Send as header X-CSRF-Token with every write"),
  })
  .meta({ id: "SessionInfo" });
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SwitchOrganisationBody = z.object({ organisationId: Id });
export const LocaleBody = z.object({ locale: z.enum(LOCALES) });

export const PasswordResetRequestBody = z.object({ email: Email });
export const PasswordResetConfirmBody = z.object({
  token: z.string().min(20).max(200).describe("Token from the reset mail"),
  password: NewPassword,
});

export const InvitationToken = z.object({ token: z.string().min(20).max(200) });
export const InvitationInfo = z.object({
  email: z.string(),
  organisationName: z.string(),
  role: z.enum(ROLES),
  existingAccount: z.boolean().describe("True when the address already has a Lotse account"),
  organisationId: z.uuid(),
  ssoRequired: z
    .boolean()
    .describe(
      "True when the organisation requires single sign-on: accept by logging in through its provider",
    ),
});
export const AcceptInvitationBody = z.object({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(1).max(200).optional().describe("Required for a new account"),
  password: z.string().min(1).max(200).describe("New password, or the existing account's password"),
});
