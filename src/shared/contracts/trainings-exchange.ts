import { z } from "zod";
import { Id, PageQuery, page, Timestamp } from "./common.ts";

// The exchange space of a cohort ("learning and exchange platforms and laboratories"): a thread of
// posts with replies one level deep, and shared materials (files or links). Visible to the cohort
// only — those who teach it and its enrolled or waitlisted participants with an account — and kept
// after the cohort has ended.

/** The longest post or reply, in characters. */
export const EXCHANGE_POST_MAX = 5000;
/** The largest material file: 10 MB. */
export const EXCHANGE_MATERIAL_MAX_BYTES = 10 * 1024 * 1024;

/**
 * The file types a material may have. The server checks the bytes against the declared type
 * (content sniffing), so a renamed file of another kind is refused.
 */
export const EXCHANGE_MATERIAL_TYPES = [
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.oasis.opendocument.spreadsheet",
  "application/vnd.oasis.opendocument.presentation",
  "application/msword",
  "application/vnd.ms-excel",
  "application/vnd.ms-powerpoint",
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "text/plain",
] as const;
export type ExchangeMaterialType = (typeof EXCHANGE_MATERIAL_TYPES)[number];

export const ExchangePostParams = z.object({ cohortId: Id, postId: Id });
export const ExchangeMaterialParams = z.object({ cohortId: Id, materialId: Id });

/** A post's text: plain text, shown as written (never as HTML). */
const PostBody = z
  .string()
  .trim()
  .min(1)
  .max(EXCHANGE_POST_MAX)
  .describe("Plain text; links become clickable");

export const ExchangePostCreate = z.object({
  body: PostBody,
  parentId: Id.optional().describe("The post this answers; replies go one level deep"),
});
export type ExchangePostCreate = z.infer<typeof ExchangePostCreate>;

export const ExchangePostUpdate = z.object({ body: PostBody });
export type ExchangePostUpdate = z.infer<typeof ExchangePostUpdate>;

const Author = z
  .object({
    userId: Id.nullable().describe("Null when the account is gone"),
    name: z.string().nullable(),
    teaches: z.boolean().describe("A trainer of the cohort or the coordination office"),
  })
  .describe("Who wrote it");

export const ExchangePost = z
  .object({
    id: Id,
    parentId: Id.nullable(),
    author: Author,
    body: z.string().describe("Empty when the post was deleted (kept only as the head of its replies)"),
    createdAt: Timestamp,
    editedAt: Timestamp.nullable(),
    deleted: z.boolean(),
    abilities: z.object({ edit: z.boolean(), delete: z.boolean(), reply: z.boolean() }),
  })
  .meta({ id: "TrainingExchangePost" });
export type ExchangePost = z.infer<typeof ExchangePost>;

export const ExchangeThread = ExchangePost.extend({
  lastActivityAt: Timestamp.describe("The newest of the post and its replies; the thread is sorted by it"),
  replies: z.array(ExchangePost).describe("Oldest first"),
}).meta({ id: "TrainingExchangeThread" });
export type ExchangeThread = z.infer<typeof ExchangeThread>;

export const ExchangeThreadPage = page(ExchangeThread).extend({
  canModerate: z.boolean().describe("The caller may remove anyone's posts and materials"),
});
export type ExchangeThreadPage = z.infer<typeof ExchangeThreadPage>;

export const ExchangePageQuery = PageQuery.extend({
  limit: z.coerce.number().int().min(1).max(100).default(20).describe("How many items at most"),
});

const MaterialTitle = z.string().trim().min(1).max(200);

export const ExchangeLinkCreate = z.object({
  title: MaterialTitle,
  url: z
    .url({ protocol: /^https$/, hostname: z.regexes.domain })
    .max(2000)
    .describe("An https address"),
});
export type ExchangeLinkCreate = z.infer<typeof ExchangeLinkCreate>;

export const ExchangeFileQuery = z.object({
  title: MaterialTitle.optional().describe("Shown instead of the file name"),
});

export const ExchangeMaterial = z
  .object({
    id: Id,
    title: z.string(),
    kind: z.enum(["file", "link"]),
    fileName: z.string().nullable(),
    mediaType: z.string().nullable(),
    size: z.number().int().nullable().describe("Bytes of a file"),
    url: z.string().nullable().describe("The https address of a link"),
    uploadedBy: z.object({ userId: Id.nullable(), name: z.string().nullable() }),
    createdAt: Timestamp,
    abilities: z.object({ delete: z.boolean() }),
  })
  .meta({ id: "TrainingExchangeMaterial" });
export type ExchangeMaterial = z.infer<typeof ExchangeMaterial>;

export const ExchangeMaterialPage = page(ExchangeMaterial);
export type ExchangeMaterialPage = z.infer<typeof ExchangeMaterialPage>;
