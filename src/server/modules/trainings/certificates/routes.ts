import type { FastifyRequest } from "fastify";
import type { App, Deps } from "#server/deps.ts";
import { ctxOf } from "#server/platform/context.ts";
import { attachment } from "#server/platform/download.ts";
import { route } from "#server/platform/route.ts";
import { trainingCertificatesRoutes as r } from "#shared/contracts/routes/trainings-certificates.ts";
import { certificatesPdf } from "./render.ts";
import {
  certificateForPdf,
  cohortCertificatesForPdf,
  issueCertificates,
  listCertificates,
  revokeCertificate,
} from "./service.ts";
import { verifyCertificate } from "./verify.ts";

/** Routes of the trainings' certificates (part 4 of issue 15). */
export function registerTrainingCertificatesRoutes(app: App, { db, config, mailer }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);
  const { publicUrl } = config;

  route(app, r.list, async (request) =>
    listCertificates({ ...ctx(request), cohortId: request.params.cohortId }),
  );

  route(app, r.issue, async (request) =>
    issueCertificates({ ...ctx(request), cohortId: request.params.cohortId, mailer, publicUrl }),
  );

  route(app, r.revoke, async (request) =>
    revokeCertificate({
      ...ctx(request),
      certificateId: request.params.certificateId,
      reason: request.body.reason,
    }),
  );

  route(app, r.pdf, async (request, reply) => {
    const c = await certificateForPdf({ ...ctx(request), certificateId: request.params.certificateId });
    const lang = request.query.lang;
    const pdf = await certificatesPdf([c], { lang, publicUrl });
    return reply
      .type("application/pdf")
      .header("content-language", lang)
      .header("content-disposition", attachment(`teilnahmebescheinigung-${c.code}.pdf`))
      .send(pdf);
  });

  route(app, r.cohortPdf, async (request, reply) => {
    const { cohort, certificates } = await cohortCertificatesForPdf({
      ...ctx(request),
      cohortId: request.params.cohortId,
    });
    const lang = request.query.lang;
    const pdf = await certificatesPdf(certificates, { lang, publicUrl });
    return reply
      .type("application/pdf")
      .header("content-language", lang)
      .header(
        "content-disposition",
        attachment(`teilnahmebescheinigungen-${cohort.title.replace(/[\\/:*?"<>|]+/g, "-")}.pdf`),
      )
      .send(pdf);
  });

  route(app, r.verify, async (request) => verifyCertificate(db, request.id, request.params.code));
}
