import { and, desc, eq, sql } from "drizzle-orm";
import { trainingMaterials } from "#server/modules/trainings/tables.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { AppError, notFound } from "#server/platform/errors.ts";
import { users } from "#server/platform/tables.ts";
import type {
  ExchangeLinkCreate,
  ExchangeMaterial,
  ExchangeMaterialPage,
} from "#shared/contracts/trainings-exchange.ts";
import { exchangeMember } from "./member.ts";
import { isMaterialType, matchesMaterialType, safeFileName } from "./sniff.ts";

type Member = Awaited<ReturnType<typeof exchangeMember>>;

// The columns of a material without its bytes: lists never load the files.
const listed = {
  id: trainingMaterials.id,
  title: trainingMaterials.title,
  fileName: trainingMaterials.fileName,
  mediaType: trainingMaterials.mediaType,
  size: trainingMaterials.size,
  url: trainingMaterials.url,
  uploadedBy: trainingMaterials.uploadedBy,
  createdAt: trainingMaterials.createdAt,
  uploaderName: users.name,
};
type Listed = Awaited<ReturnType<typeof materialOf>>;

function presentMaterial(ctx: Ctx, member: Member, row: Listed): ExchangeMaterial {
  const own = row.uploadedBy !== null && row.uploadedBy === ctx.actor.userId;
  return {
    id: row.id,
    title: row.title,
    kind: row.url === null ? "file" : "link",
    fileName: row.fileName,
    mediaType: row.mediaType,
    size: row.size,
    url: row.url,
    uploadedBy: { userId: row.uploadedBy, name: row.uploaderName },
    createdAt: row.createdAt.toISOString(),
    abilities: { delete: own || member.moderates },
  };
}

async function materialOf(ctx: Ctx, cohortId: string, materialId: string, lock = false) {
  const query = ctx.db
    .select(listed)
    .from(trainingMaterials)
    .leftJoin(users, eq(users.id, trainingMaterials.uploadedBy))
    .where(and(eq(trainingMaterials.id, materialId), eq(trainingMaterials.cohortId, cohortId)));
  const [row] = lock ? await query.for("update", { of: trainingMaterials }) : await query;
  if (!row) throw notFound();
  return row;
}

/** The cohort's materials, newest first (without their bytes). */
export async function listMaterials(
  ctx: Ctx & { cohortId: string; limit: number; offset: number },
): Promise<ExchangeMaterialPage> {
  return ctx.db.transaction(async (tx) => {
    const member = await exchangeMember({ ...ctx, db: tx }, ctx.cohortId);
    const where = eq(trainingMaterials.cohortId, ctx.cohortId);
    const [rows, [count]] = await Promise.all([
      tx
        .select(listed)
        .from(trainingMaterials)
        .leftJoin(users, eq(users.id, trainingMaterials.uploadedBy))
        .where(where)
        .orderBy(desc(trainingMaterials.createdAt), desc(trainingMaterials.id))
        .limit(ctx.limit)
        .offset(ctx.offset),
      tx.select({ total: sql<number>`count(*)::int` }).from(trainingMaterials).where(where),
    ]);
    await audit(tx, ctx, {
      action: "training_material.list",
      entity: "training_cohort",
      entityId: ctx.cohortId,
      organisationId: member.cohort.organisationId,
      details: { materials: rows.length, offset: ctx.offset },
    });
    return { items: rows.map((r) => presentMaterial(ctx, member, r)), total: count?.total ?? 0 };
  });
}

async function insertMaterial(
  ctx: Ctx & { cohortId: string },
  values: Omit<typeof trainingMaterials.$inferInsert, "cohortId" | "uploadedBy">,
  details: Record<string, unknown>,
): Promise<ExchangeMaterial> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const member = await exchangeMember(c, ctx.cohortId);
    const [row] = await tx
      .insert(trainingMaterials)
      .values({ ...values, cohortId: ctx.cohortId, uploadedBy: ctx.actor.userId })
      .returning({ id: trainingMaterials.id });
    if (!row) throw new Error("material not written");
    await audit(tx, ctx, {
      action: "training_material.create",
      entity: "training_material",
      entityId: row.id,
      organisationId: member.cohort.organisationId,
      details: { cohortId: ctx.cohortId, ...details },
    });
    return presentMaterial(ctx, member, await materialOf(c, ctx.cohortId, row.id));
  });
}

/** Shares an https link (the contract refuses any other scheme). */
export function createLink(ctx: Ctx & { cohortId: string; input: ExchangeLinkCreate }) {
  return insertMaterial(ctx, { title: ctx.input.title, url: ctx.input.url }, { kind: "link" });
}

/** Shares a file whose bytes are of an accepted type and match the declared one. */
export function uploadFile(
  ctx: Ctx & {
    cohortId: string;
    mediaType: string;
    content: Buffer;
    fileNameHeader: string | undefined;
    title: string | undefined;
  },
) {
  const type = ctx.mediaType;
  if (!isMaterialType(type) || !matchesMaterialType(type, ctx.content)) {
    throw new AppError(415, "trainings.exchange_file_type");
  }
  const fileName = safeFileName(ctx.fileNameHeader, type);
  return insertMaterial(
    ctx,
    {
      title: ctx.title ?? fileName,
      fileName,
      mediaType: type,
      content: ctx.content,
      size: ctx.content.length,
    },
    { kind: "file", mediaType: type, size: ctx.content.length },
  );
}

/** A shared file to download; a link has no file (404). */
export async function downloadMaterial(ctx: Ctx & { cohortId: string; materialId: string }) {
  return ctx.db.transaction(async (tx) => {
    const member = await exchangeMember({ ...ctx, db: tx }, ctx.cohortId);
    const [row] = await tx
      .select({
        fileName: trainingMaterials.fileName,
        mediaType: trainingMaterials.mediaType,
        content: trainingMaterials.content,
      })
      .from(trainingMaterials)
      .where(and(eq(trainingMaterials.id, ctx.materialId), eq(trainingMaterials.cohortId, ctx.cohortId)));
    if (!row?.content || !row.fileName || !row.mediaType) throw notFound();
    await audit(tx, ctx, {
      action: "training_material.read",
      entity: "training_material",
      entityId: ctx.materialId,
      organisationId: member.cohort.organisationId,
      details: { cohortId: ctx.cohortId },
    });
    return { fileName: row.fileName, mediaType: row.mediaType, content: row.content };
  });
}

/** Removes a material: its uploader, or those who teach the cohort. */
export async function deleteMaterial(ctx: Ctx & { cohortId: string; materialId: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const member = await exchangeMember(c, ctx.cohortId);
    const row = await materialOf(c, ctx.cohortId, ctx.materialId, true);
    const own = row.uploadedBy === ctx.actor.userId;
    if (!own && !member.moderates) throw new AppError(403, "forbidden");
    await tx.delete(trainingMaterials).where(eq(trainingMaterials.id, row.id));
    await audit(tx, ctx, {
      action: "training_material.delete",
      entity: "training_material",
      entityId: row.id,
      organisationId: member.cohort.organisationId,
      details: { cohortId: ctx.cohortId, moderated: !own },
    });
  });
}
