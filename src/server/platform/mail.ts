import { and, eq, inArray, lte, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Db, Tx } from "#server/db/client.ts";
import type { MailTemplate } from "#shared/contracts/outbox.ts";
import { outbox } from "./tables.ts";

export type { MailTemplate };
export type Mailer = {
  /** Whether mails are delivered by SMTP; without it they are held in the outbox. */
  delivers: boolean;
  deliverPending(db: Db): Promise<number>;
};

const MAX_ATTEMPTS = 8;
/** While one instance sends a mail, the others leave it alone for this long. */
const LEASE = "5 minutes";

/** Stores a mail in the outbox inside the caller's transaction: it is never lost, even if SMTP is down. */
export async function enqueueMail(
  db: Tx,
  mailer: Pick<Mailer, "delivers">,
  mail: { to: string; subject: string; body: string; template: MailTemplate; organisationId?: string | null },
): Promise<void> {
  await db.insert(outbox).values({
    toAddress: mail.to,
    subject: mail.subject,
    bodyText: mail.body,
    template: mail.template,
    organisationId: mail.organisationId ?? null,
    status: mailer.delivers ? "pending" : "held",
  });
}

/** A mailer that sends pending outbox mails through SMTP, or holds them when none is configured. */
export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) return { delivers: false, deliverPending: async () => 0 };
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    delivers: true,
    async deliverPending(db) {
      // Claim a batch with a lease; SKIP LOCKED lets several instances share the work without doubles.
      const claimed = await db
        .update(outbox)
        .set({
          nextAttemptAt: sql`now() + interval '${sql.raw(LEASE)}'`,
          attempts: sql`${outbox.attempts} + 1`,
        })
        .where(
          inArray(
            outbox.id,
            db
              .select({ id: outbox.id })
              .from(outbox)
              .where(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, sql`now()`)))
              .orderBy(outbox.createdAt)
              .limit(20)
              .for("update", { skipLocked: true }),
          ),
        )
        .returning();
      for (const mail of claimed) {
        try {
          await transport.sendMail({ from, to: mail.toAddress, subject: mail.subject, text: mail.bodyText });
          await db
            .update(outbox)
            .set({ status: "sent", sentAt: sql`now()`, lastError: null })
            .where(eq(outbox.id, mail.id));
        } catch (err) {
          const failed = mail.attempts >= MAX_ATTEMPTS;
          await db
            .update(outbox)
            .set({
              status: failed ? "failed" : "pending",
              lastError: String((err as Error).message).slice(0, 500),
              // Exponential back-off: 1, 2, 4 … minutes.
              nextAttemptAt: sql`now() + make_interval(mins => ${2 ** (mail.attempts - 1)})`,
            })
            .where(eq(outbox.id, mail.id));
        }
      }
      return claimed.length;
    },
  };
}
