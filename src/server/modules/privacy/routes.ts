import type { FastifyRequest } from "fastify";
import type { App, Deps } from "#server/deps.ts";
import { ctxOf } from "#server/platform/context.ts";
import { attachment } from "#server/platform/download.ts";
import { route } from "#server/platform/route.ts";
import { privacyRoutes } from "#shared/contracts/routes/privacy.ts";
import { eraseClient } from "./erase.ts";
import { exportClient } from "./export.ts";
import { exportPdf } from "./export-pdf.ts";

const today = () => new Date().toISOString().slice(0, 10);

export function registerPrivacyRoutes(app: App, { db, config }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);

  route(app, privacyRoutes.export, async (request, reply) => {
    const data = await exportClient({ ...ctx(request), clientId: request.params.clientId, format: "json" });
    return reply
      .header("content-disposition", attachment(`auskunft-${String(data.client.pseudonym)}-${today()}.json`))
      .send(data);
  });

  route(app, privacyRoutes.exportPdf, async (request, reply) => {
    const data = await exportClient({ ...ctx(request), clientId: request.params.clientId, format: "pdf" });
    const pdf = await exportPdf(db, data);
    return reply
      .type("application/pdf")
      .header("content-disposition", attachment(`auskunft-${String(data.client.pseudonym)}-${today()}.pdf`))
      .send(pdf);
  });

  route(app, privacyRoutes.erase, async (request, reply) => {
    await eraseClient({
      ...ctx(request),
      clientId: request.params.clientId,
      ledgerFile: config.erasureLedger,
    });
    return reply.code(204).send(null);
  });
}
