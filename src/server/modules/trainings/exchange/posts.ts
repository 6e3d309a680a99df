import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { trainingCohortTrainers, trainingPosts } from "#server/modules/trainings/tables.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { AppError, notFound } from "#server/platform/errors.ts";
import { memberships, users } from "#server/platform/tables.ts";
import type {
  ExchangePost,
  ExchangePostCreate,
  ExchangeThread,
  ExchangeThreadPage,
} from "#shared/contracts/trainings-exchange.ts";
import { exchangeMember } from "./member.ts";

type Member = Awaited<ReturnType<typeof exchangeMember>>;
type PostRow = typeof trainingPosts.$inferSelect & { authorName: string | null; authorTeaches: boolean };

// Audit entries name the cohort, the post and its parent — never the text.

// Columns of the outer post written with their table's name: inside a subquery over the same table
// (alias r), drizzle's bare "id" of a single-table select would mean r.id.
const outerId = sql.raw('"training_posts"."id"');
const outerCreatedAt = sql.raw('"training_posts"."created_at"');

/** The post has a live reply. */
const liveReply = sql`exists (select 1 from ${trainingPosts} r where r.parent_id = ${outerId}
  and r.deleted_at is null)`;

/** The newest of a post and its live replies. */
const lastActivity = sql<Date>`greatest(${outerCreatedAt}, (select max(r.created_at)
  from ${trainingPosts} r where r.parent_id = ${outerId} and r.deleted_at is null))`;

/** A post with its author's name and whether the author teaches the cohort. */
function selectPosts(ctx: Ctx, where: SQL | undefined) {
  return ctx.db
    .select({
      post: trainingPosts,
      authorName: users.name,
      authorTeaches: sql<boolean>`(exists (select 1 from ${trainingCohortTrainers} t
          where t.cohort_id = "training_posts"."cohort_id" and t.user_id = "training_posts"."author_id")
        or exists (select 1 from ${memberships} m where m.user_id = "training_posts"."author_id"
          and m.role = 'network_coordinator' and m.status = 'active'))`,
      lastActivity,
    })
    .from(trainingPosts)
    .leftJoin(users, eq(users.id, trainingPosts.authorId))
    .where(where);
}

function presentPost(ctx: Ctx, member: Member, row: PostRow): ExchangePost {
  const deleted = row.deletedAt !== null;
  const own = row.authorId !== null && row.authorId === ctx.actor.userId;
  return {
    id: row.id,
    parentId: row.parentId,
    author: { userId: row.authorId, name: row.authorName, teaches: row.authorTeaches },
    body: deleted ? "" : row.body,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deleted,
    abilities: {
      edit: own && !deleted,
      delete: !deleted && (own || member.moderates),
      reply: row.parentId === null,
    },
  };
}

const flat = (r: {
  post: typeof trainingPosts.$inferSelect;
  authorName: string | null;
  authorTeaches: boolean;
}) => ({ ...r.post, authorName: r.authorName, authorTeaches: r.authorTeaches }) satisfies PostRow;

/**
 * The thread of a cohort, newest activity first: posts with their replies (oldest first). A deleted
 * post stays, emptied, only while live replies hang on it; a deleted reply is gone.
 */
export async function listThread(
  ctx: Ctx & { cohortId: string; limit: number; offset: number },
): Promise<ExchangeThreadPage> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const member = await exchangeMember(c, ctx.cohortId);
    const visible = and(
      eq(trainingPosts.cohortId, ctx.cohortId),
      isNull(trainingPosts.parentId),
      or(isNull(trainingPosts.deletedAt), liveReply),
    );
    const [heads, [count]] = await Promise.all([
      selectPosts(c, visible)
        .orderBy(desc(lastActivity), desc(trainingPosts.createdAt), desc(trainingPosts.id))
        .limit(ctx.limit)
        .offset(ctx.offset),
      tx.select({ total: sql<number>`count(*)::int` }).from(trainingPosts).where(visible),
    ]);
    const ids = heads.map((h) => h.post.id);
    const replies =
      ids.length === 0
        ? []
        : await selectPosts(
            c,
            and(inArray(trainingPosts.parentId, ids), isNull(trainingPosts.deletedAt)),
          ).orderBy(asc(trainingPosts.createdAt), asc(trainingPosts.id));
    await audit(tx, ctx, {
      action: "training_exchange.read",
      entity: "training_cohort",
      entityId: ctx.cohortId,
      organisationId: member.cohort.organisationId,
      details: { posts: ids.length + replies.length, offset: ctx.offset },
    });
    const items: ExchangeThread[] = heads.map((h) => ({
      ...presentPost(ctx, member, flat(h)),
      lastActivityAt: new Date(h.lastActivity).toISOString(),
      replies: replies
        .filter((r) => r.post.parentId === h.post.id)
        .map((r) => presentPost(ctx, member, flat(r))),
    }));
    return { items, total: count?.total ?? 0, canModerate: member.moderates };
  });
}

/** A post of the cohort (any depth), locked for a change; another cohort's or a deleted one is not found. */
async function postOf(ctx: Ctx, cohortId: string, postId: string) {
  const [row] = await selectPosts(
    ctx,
    and(eq(trainingPosts.id, postId), eq(trainingPosts.cohortId, cohortId), isNull(trainingPosts.deletedAt)),
  ).for("update", { of: trainingPosts });
  if (!row) throw notFound();
  return flat(row);
}

/** Writes a post or a reply; a reply answers a live top-level post of the same cohort. */
export async function createPost(
  ctx: Ctx & { cohortId: string; input: ExchangePostCreate },
): Promise<ExchangePost> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const member = await exchangeMember(c, ctx.cohortId);
    const parentId = ctx.input.parentId ?? null;
    if (parentId) {
      const [parent] = await tx
        .select({ parentId: trainingPosts.parentId })
        .from(trainingPosts)
        .where(
          and(
            eq(trainingPosts.id, parentId),
            eq(trainingPosts.cohortId, ctx.cohortId),
            isNull(trainingPosts.deletedAt),
          ),
        );
      if (!parent) throw new AppError(422, "trainings.exchange_parent_missing", { field: "parentId" });
      if (parent.parentId !== null) {
        throw new AppError(422, "trainings.exchange_reply_depth", { field: "parentId" });
      }
    }
    const [row] = await tx
      .insert(trainingPosts)
      .values({ cohortId: ctx.cohortId, parentId, authorId: ctx.actor.userId, body: ctx.input.body })
      .returning({ id: trainingPosts.id });
    if (!row) throw new Error("post not written");
    await audit(tx, ctx, {
      action: "training_post.create",
      entity: "training_post",
      entityId: row.id,
      organisationId: member.cohort.organisationId,
      details: { cohortId: ctx.cohortId, parentId },
    });
    return presentPost(ctx, member, await postOf(c, ctx.cohortId, row.id));
  });
}

/** Edits an own post; nobody edits another's words, not even a moderator (they may remove them). */
export async function updatePost(
  ctx: Ctx & { cohortId: string; postId: string; body: string },
): Promise<ExchangePost> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const member = await exchangeMember(c, ctx.cohortId);
    const post = await postOf(c, ctx.cohortId, ctx.postId);
    if (post.authorId !== ctx.actor.userId) throw new AppError(403, "forbidden");
    await tx
      .update(trainingPosts)
      .set({ body: ctx.body, editedAt: new Date() })
      .where(eq(trainingPosts.id, post.id));
    await audit(tx, ctx, {
      action: "training_post.update",
      entity: "training_post",
      entityId: post.id,
      organisationId: member.cohort.organisationId,
      details: { cohortId: ctx.cohortId, parentId: post.parentId },
    });
    return presentPost(ctx, member, await postOf(c, ctx.cohortId, post.id));
  });
}

/**
 * Deletes a post: its author, or those who teach the cohort (moderation). The text is erased at
 * once; the row stays as the head of its replies while they live.
 */
export async function deletePost(ctx: Ctx & { cohortId: string; postId: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const member = await exchangeMember(c, ctx.cohortId);
    const post = await postOf(c, ctx.cohortId, ctx.postId);
    const own = post.authorId === ctx.actor.userId;
    if (!own && !member.moderates) throw new AppError(403, "forbidden");
    await tx
      .update(trainingPosts)
      .set({ body: "", deletedAt: new Date() })
      .where(eq(trainingPosts.id, post.id));
    await audit(tx, ctx, {
      action: "training_post.delete",
      entity: "training_post",
      entityId: post.id,
      organisationId: member.cohort.organisationId,
      details: { cohortId: ctx.cohortId, parentId: post.parentId, moderated: !own },
    });
  });
}
