import type { FastifyRequest } from "fastify";
import { ClientParams } from "#shared/contracts/clients.ts";
import { PROTECTED_PROBLEMS, Problem } from "#shared/contracts/common.ts";
import {
  AuthorityList,
  AuthorityQuery,
  OccupationFieldList,
  OccupationList,
  OccupationQuery,
  Procedure,
  ProcedureCreate,
  ProcedureParams,
  ProcedureUpdate,
  Qualification,
  QualificationInput,
  QualificationList,
  QualificationParams,
  QualificationUpdate,
  Suggestions,
} from "#shared/contracts/recognition.ts";
import type { App, Deps } from "../../deps.ts";
import { ctxOf } from "../../platform/context.ts";
import { expectedVersion, sendVersioned } from "../../platform/versioning.ts";
import { searchDirectoryOrganisations } from "./directory.ts";
import { occupationFields } from "./kldb.ts";
import { searchOccupations } from "./occupation-search.ts";
import { getProcedure, openProcedure, updateProcedure } from "./procedures.ts";
import { addQualification, listQualifications, updateQualification } from "./qualifications.ts";
import { suggestOffers } from "./suggestions.ts";

const tags = ["recognition"];
const problems = PROTECTED_PROBLEMS;

/** Routes of the recognition module: reference occupations, qualifications, procedures, suggestions. */
export function registerRecognitionRoutes(app: App, { db }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);

  app.get(
    "/api/occupations",
    {
      config: { access: "occupation.search" },
      schema: {
        tags,
        summary:
          "KldB 2010 occupations (level 5) by official or everyday title (ESCO), best first, with regulation and competent authority in Sachsen-Anhalt",
        querystring: OccupationQuery,
        response: { 200: OccupationList, ...problems },
      },
    },
    async (request) => ({ items: searchOccupations(request.query.q, request.query.limit) }),
  );

  app.get(
    "/api/occupations/fields",
    {
      config: { access: "occupation.search" },
      schema: {
        tags,
        summary: "KldB 2010 occupation fields (Berufshauptgruppen), for tagging qualification offers",
        response: { 200: OccupationFieldList, ...problems },
      },
    },
    async () => ({ items: occupationFields() }),
  );

  app.get(
    "/api/directory/organisations",
    {
      config: { access: "offer.read" },
      schema: {
        tags,
        summary: "Active organisations of the directory by name (competent authorities, consent recipients)",
        querystring: AuthorityQuery,
        response: { 200: AuthorityList, ...problems },
      },
    },
    async (request) => searchDirectoryOrganisations(db, request.query.q),
  );

  app.get(
    "/api/clients/:clientId/qualifications",
    {
      config: { access: "recognition.read" },
      schema: {
        tags,
        summary: "Foreign qualifications of a client with their recognition procedures",
        params: ClientParams,
        response: { 200: QualificationList, ...problems },
      },
    },
    async (request) => listQualifications({ ...ctx(request), clientId: request.params.clientId }),
  );

  app.post(
    "/api/clients/:clientId/qualifications",
    {
      config: { access: "recognition.manage" },
      schema: {
        tags,
        summary: "Record a foreign qualification of a client",
        params: ClientParams,
        body: QualificationInput,
        response: { 201: Qualification, ...problems, 422: Problem },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await addQualification({ ...ctx(request), clientId: request.params.clientId, input: request.body }),
        ),
  );

  app.patch(
    "/api/qualifications/:qualificationId",
    {
      config: { access: "recognition.manage" },
      schema: {
        tags,
        summary: "Edit a foreign qualification",
        params: QualificationParams,
        body: QualificationUpdate,
        response: { 200: Qualification, ...problems, 422: Problem },
      },
    },
    async (request) =>
      updateQualification({
        ...ctx(request),
        qualificationId: request.params.qualificationId,
        change: request.body,
      }),
  );

  app.post(
    "/api/recognition-procedures",
    {
      config: { access: "recognition.manage" },
      schema: {
        tags,
        summary: "Open a recognition procedure for a qualification against a reference occupation",
        body: ProcedureCreate,
        response: { 201: Procedure, ...problems, 422: Problem },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(sendVersioned(reply, await openProcedure({ ...ctx(request), input: request.body }))),
  );

  app.get(
    "/api/recognition-procedures/:procedureId",
    {
      config: { access: "recognition.read" },
      schema: {
        tags,
        summary: "One recognition procedure with its history; the ETag is its version",
        params: ProcedureParams,
        response: { 200: Procedure, ...problems },
      },
    },
    async (request, reply) =>
      sendVersioned(reply, await getProcedure({ ...ctx(request), id: request.params.procedureId })),
  );

  app.patch(
    "/api/recognition-procedures/:procedureId",
    {
      config: { access: "recognition.manage" },
      schema: {
        tags,
        summary: "Move a recognition procedure or edit it; needs If-Match with the version read",
        params: ProcedureParams,
        body: ProcedureUpdate,
        response: { 200: Procedure, ...problems, 412: Problem, 422: Problem, 428: Problem },
      },
    },
    async (request, reply) => {
      const version = expectedVersion(request);
      const procedure = await updateProcedure({
        ...ctx(request),
        id: request.params.procedureId,
        expectedVersion: version,
        change: request.body,
      });
      return sendVersioned(reply, procedure);
    },
  );

  app.get(
    "/api/recognition-procedures/:procedureId/suggestions",
    {
      config: { access: "recognition.read" },
      schema: {
        tags,
        summary: "Offers of the directory that can close the differences of a partial or negative decision",
        params: ProcedureParams,
        response: { 200: Suggestions, ...problems },
      },
    },
    async (request) => suggestOffers({ ...ctx(request), id: request.params.procedureId }),
  );
}
