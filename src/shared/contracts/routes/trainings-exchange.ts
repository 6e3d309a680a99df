import { z } from "zod";
import { BinaryFile, PROTECTED_PROBLEMS, Problem } from "#shared/contracts/common.ts";
import { defineRoute } from "#shared/contracts/route.ts";
import { CohortParams } from "#shared/contracts/trainings.ts";
import {
  EXCHANGE_MATERIAL_TYPES,
  ExchangeFileQuery,
  ExchangeLinkCreate,
  ExchangeMaterial,
  ExchangeMaterialPage,
  ExchangeMaterialParams,
  ExchangePageQuery,
  ExchangePost,
  ExchangePostCreate,
  ExchangePostParams,
  ExchangePostUpdate,
  ExchangeThreadPage,
} from "#shared/contracts/trainings-exchange.ts";

const tags = ["trainings"];
const problems = PROTECTED_PROBLEMS;
const base = "/api/training-cohorts/:cohortId/exchange";

const FileName = z
  .looseObject({
    "x-file-name": z
      .string()
      .max(1000)
      .optional()
      .describe("The file's name, URI-encoded (encodeURIComponent)"),
  })
  .describe("Headers");

// Every route needs only `training.read` (every role): taking part in a cohort is not a role but a
// relation, which the policy (trainings/access.ts) decides per cohort — those who teach it and its
// enrolled or waitlisted participants; anyone else learns nothing (404, or 403 for an admin whose
// members take part).

/** Routes of a cohort's exchange space: the thread and the shared materials. */
export const trainingExchangeRoutes = {
  thread: defineRoute({
    method: "GET",
    path: `${base}/posts`,
    access: "training.read",
    tags,
    summary: "The cohort's thread: posts with their replies, newest activity first",
    params: CohortParams,
    query: ExchangePageQuery,
    response: { 200: ExchangeThreadPage, ...problems },
  }),
  createPost: defineRoute({
    method: "POST",
    path: `${base}/posts`,
    access: "training.read",
    tags,
    summary: "Write a post, or a reply to a post (one level deep)",
    params: CohortParams,
    body: ExchangePostCreate,
    response: { 201: ExchangePost, ...problems, 422: Problem },
  }),
  updatePost: defineRoute({
    method: "PATCH",
    path: `${base}/posts/:postId`,
    access: "training.read",
    tags,
    summary: "Edit an own post",
    params: ExchangePostParams,
    body: ExchangePostUpdate,
    response: { 200: ExchangePost, ...problems },
  }),
  deletePost: defineRoute({
    method: "DELETE",
    path: `${base}/posts/:postId`,
    access: "training.read",
    tags,
    summary: "Delete an own post; those who teach the cohort remove any",
    params: ExchangePostParams,
    response: { 204: z.null(), ...problems },
  }),
  materials: defineRoute({
    method: "GET",
    path: `${base}/materials`,
    access: "training.read",
    tags,
    summary: "The cohort's shared materials, newest first",
    params: CohortParams,
    query: ExchangePageQuery,
    response: { 200: ExchangeMaterialPage, ...problems },
  }),
  createLink: defineRoute({
    method: "POST",
    path: `${base}/materials/links`,
    access: "training.read",
    tags,
    summary: "Share a link (https only)",
    params: CohortParams,
    body: ExchangeLinkCreate,
    response: { 201: ExchangeMaterial, ...problems },
  }),
  uploadFile: defineRoute({
    method: "POST",
    path: `${base}/materials/files`,
    access: "training.read",
    tags,
    summary:
      "Share a file (raw body: PDF, Office document, image or plain text, at most 10 MB); its bytes must match its type",
    params: CohortParams,
    query: ExchangeFileQuery,
    headers: FileName,
    consumes: [...EXCHANGE_MATERIAL_TYPES],
    body: BinaryFile.describe("The file as a raw body, at most 10 MB"),
    response: { 201: ExchangeMaterial, ...problems, 413: Problem, 415: Problem },
  }),
  download: defineRoute({
    method: "GET",
    path: `${base}/materials/:materialId/content`,
    access: "training.read",
    tags,
    summary: "Download a shared file, as uploaded",
    params: ExchangeMaterialParams,
    produces: [...EXCHANGE_MATERIAL_TYPES],
    response: { 200: BinaryFile.describe("The file"), ...problems },
  }),
  deleteMaterial: defineRoute({
    method: "DELETE",
    path: `${base}/materials/:materialId`,
    access: "training.read",
    tags,
    summary: "Remove a material: its uploader, or those who teach the cohort",
    params: ExchangeMaterialParams,
    response: { 204: z.null(), ...problems },
  }),
};
