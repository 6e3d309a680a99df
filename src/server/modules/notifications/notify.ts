import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { translator } from "#server/platform/i18n.ts";
import { enqueueMail, type Mailer } from "#server/platform/mail.ts";
import { memberships, users } from "#server/platform/tables.ts";
import { LOCALES, type Locale } from "#shared/domain.ts";
import type { NotificationKind } from "#shared/referrals.ts";
import { notifications } from "./tables.ts";

/**
 * Roles that answer referrals for an organisation and so hear of them, in the app and by mail.
 * Admins and trainers do not: a referral carries a client's data that only these roles may see.
 */
export const RECIPIENT_ROLES = ["counsellor", "company_contact"] as const;

type MailSettings = { mailer: Pick<Mailer, "delivers">; publicUrl: string };
let mailSettings: MailSettings | undefined;

/**
 * Set once when the app registers its routes. Mail settings are the same for the whole process,
 * and notify is called deep inside other modules' use cases (and the expiry job) that only carry a
 * database handle; this keeps their signature `notify(db, …)` instead of threading config through.
 */
export function configureNotificationMail(settings: MailSettings) {
  mailSettings = settings;
}

export type NotifyInput = {
  organisationId: string;
  /** One person; without it every counsellor and company contact of the organisation. */
  userId?: string | null;
  kind: NotificationKind;
  referralId?: string | null;
  /** Shown in the app; never client names — the offer name and ids are enough. */
  details?: Record<string, unknown>;
  /** Also send a mail through the outbox. */
  email?: boolean;
  /** The app's path the mail links to, for a notification that is not about a referral. */
  link?: string;
};

/** Who gets the mail: the named user, or the organisation's active counsellors and company contacts. */
async function recipients(db: Tx, input: NotifyInput) {
  return db
    .select({ email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, input.organisationId),
        eq(memberships.status, "active"),
        eq(users.status, "active"),
        input.userId ? eq(users.id, input.userId) : inArray(memberships.role, [...RECIPIENT_ROLES]),
      ),
    );
}

const localeOf = (value: string): Locale =>
  (LOCALES as readonly string[]).includes(value) ? (value as Locale) : "de";

/**
 * Leaves an in-app notification for an organisation (or one of its members) in the caller's
 * transaction and, with `email`, a mail in each recipient's language. The mail names the offer and
 * links the referral; it never carries a client's name.
 */
export async function notify(db: Tx, input: NotifyInput): Promise<{ id: string; mails: number }> {
  const [row] = await db
    .insert(notifications)
    .values({
      organisationId: input.organisationId,
      userId: input.userId ?? null,
      recipientRoles: input.userId ? [] : [...RECIPIENT_ROLES],
      kind: input.kind,
      referralId: input.referralId ?? null,
      details: input.details ?? {},
    })
    .returning({ id: notifications.id });
  if (!row) throw new Error("insert returned nothing");
  if (!input.email) return { id: row.id, mails: 0 };
  if (!mailSettings) throw new Error("notification mail is not configured");
  const { mailer, publicUrl } = mailSettings;
  const offer = typeof input.details?.offerName === "string" ? input.details.offerName : "";
  const referral = input.kind.startsWith("referral_");
  const link = input.link
    ? `${publicUrl}${input.link}`
    : input.referralId
      ? `${publicUrl}/referrals/${input.referralId}`
      : `${publicUrl}/referrals`;
  const people = await recipients(db, input);
  for (const person of people) {
    const t = translator(localeOf(person.locale));
    await enqueueMail(db, mailer, {
      to: person.email,
      template: referral ? "referral" : "competence_profile_shared",
      organisationId: input.organisationId,
      // Other kinds keep their texts in their own module: `mail.<kind>.subject` and `.body`.
      subject: referral
        ? t(`mail.referral.subject.${input.kind}`, { offer })
        : t(`mail.${input.kind}.subject`),
      body: referral
        ? t("mail.referral.body", { event: t(`mail.referral.event.${input.kind}`, { offer }), link })
        : t(`mail.${input.kind}.body`, { link }),
    });
  }
  return { id: row.id, mails: people.length };
}
