import { and, count, desc, eq } from "drizzle-orm";
import type { Ctx } from "#server/platform/context.ts";
import { outbox } from "#server/platform/tables.ts";
import { actsForNetwork, organisationScope } from "#server/platform/tenancy.ts";
import { HOME_ITEMS, type HomeItem, homeItem } from "#shared/contracts/home.ts";

/**
 * Mails that could not be delivered: the coordination sees the network's outbox and opens each
 * mail there; an organisation admin sees those of their organisation (mostly invitations) and
 * invites again from the members page.
 */
export async function failedMails(ctx: Ctx): Promise<{ count: number; items: HomeItem[] }> {
  const network = actsForNetwork(ctx.actor);
  const where = and(eq(outbox.status, "failed"), organisationScope(ctx.actor, outbox.organisationId));
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ id: outbox.id, to: outbox.toAddress, subject: outbox.subject, createdAt: outbox.createdAt })
      .from(outbox)
      .where(where)
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(HOME_ITEMS),
    ctx.db.select({ n: count() }).from(outbox).where(where),
  ]);
  return {
    count: total?.n ?? 0,
    items: rows.map((r) =>
      homeItem({
        id: r.id,
        to: network ? `/outbox/${r.id}` : "/members",
        label: r.to,
        title: r.subject,
        date: r.createdAt.toISOString().slice(0, 10),
      }),
    ),
  };
}
