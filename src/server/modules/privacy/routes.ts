import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { ClientParams } from "#shared/contracts/clients.ts";
import { BinaryFile, PROTECTED_PROBLEMS } from "#shared/contracts/common.ts";
import { ClientExport } from "#shared/contracts/privacy.ts";
import type { App, Deps } from "../../deps.ts";
import { ctxOf } from "../../platform/context.ts";
import { attachment } from "../../platform/download.ts";
import { eraseClient } from "./erase.ts";
import { exportClient } from "./export.ts";
import { exportPdf } from "./export-pdf.ts";

const tags = ["privacy"];
const problems = PROTECTED_PROBLEMS;
const today = () => new Date().toISOString().slice(0, 10);

export function registerPrivacyRoutes(app: App, { db, config }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);

  app.get(
    "/api/clients/:clientId/export",
    {
      config: { access: "client.export" },
      schema: {
        tags,
        summary: "Everything Lotse holds on a client, machine-readable (Art. 15 DSGVO)",
        params: ClientParams,
        response: { 200: ClientExport, ...problems },
      },
    },
    async (request, reply) => {
      const data = await exportClient({ ...ctx(request), clientId: request.params.clientId, format: "json" });
      return reply
        .header(
          "content-disposition",
          attachment(`auskunft-${String(data.client.pseudonym)}-${today()}.json`),
        )
        .send(data);
    },
  );

  app.get(
    "/api/clients/:clientId/export.pdf",
    {
      config: { access: "client.export" },
      schema: {
        tags,
        summary: "Everything Lotse holds on a client, as a readable German document (Art. 15 DSGVO)",
        params: ClientParams,
        produces: ["application/pdf"],
        response: { 200: BinaryFile.describe("PDF document"), ...problems },
      },
    },
    async (request, reply) => {
      const data = await exportClient({ ...ctx(request), clientId: request.params.clientId, format: "pdf" });
      const pdf = await exportPdf(db, data);
      return reply
        .type("application/pdf")
        .header("content-disposition", attachment(`auskunft-${String(data.client.pseudonym)}-${today()}.pdf`))
        .send(pdf);
    },
  );

  app.delete(
    "/api/clients/:clientId",
    {
      config: { access: "client.erase" },
      schema: {
        tags,
        summary: "Erase a client and everything that hangs on it, for good (Art. 17 DSGVO)",
        params: ClientParams,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await eraseClient({
        ...ctx(request),
        clientId: request.params.clientId,
        ledgerFile: config.erasureLedger,
      });
      return reply.code(204).send(null);
    },
  );
}
