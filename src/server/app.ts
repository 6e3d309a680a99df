import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import { sql } from "drizzle-orm";
import Fastify, { type FastifyServerOptions } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { platformRoutes } from "#shared/contracts/routes/platform.ts";
import type { Config } from "./config.ts";
import type { Db } from "./db/client.ts";
import type { App, Deps } from "./deps.ts";
import { registerAnalyticsRoutes } from "./modules/analytics/routes.ts";
import { registerAuditRoutes } from "./modules/audit/routes.ts";
import { registerAuthRoutes } from "./modules/auth/routes.ts";
import { contributeToCases } from "./modules/cases/extensions.ts";
import { registerCaseRoutes } from "./modules/cases/routes.ts";
import { registerEscoRoutes } from "./modules/competences/esco/routes.ts";
import { registerCompetenceRoutes } from "./modules/competences/routes.ts";
import { endSharesOnWithdrawal } from "./modules/competences/shares.ts";
import { documentationConsentSql, onConsentWithdrawn } from "./modules/consents/check.ts";
import { registerConsentRoutes } from "./modules/consents/routes.ts";
import { renderFinderPage } from "./modules/finder/page-html.ts";
import { registerFinderRoutes } from "./modules/finder/routes.ts";
import { registerHomeRoutes } from "./modules/home/routes.ts";
import { registerHsdsRoutes } from "./modules/hsds/routes.ts";
import { registerInterfaceRoutes } from "./modules/interfaces/routes.ts";
import { registerMatrixRoutes } from "./modules/matrix/routes.ts";
import { registerMemberRoutes } from "./modules/members/routes.ts";
import { registerNotificationRoutes } from "./modules/notifications/routes.ts";
import { registerOfferRoutes } from "./modules/offers/routes.ts";
import { registerOrganisationRoutes } from "./modules/organisations/routes.ts";
import { registerOutboxRoutes } from "./modules/outbox/routes.ts";
import { registerPrivacyRoutes } from "./modules/privacy/routes.ts";
import { isClientProcedure, recognitionDeadlines } from "./modules/recognition/deadlines.ts";
import { registerRecognitionRoutes } from "./modules/recognition/routes.ts";
import { registerReferralRoutes } from "./modules/referrals/routes.ts";
import { registerSsoRoutes } from "./modules/sso/routes.ts";
import { registerTrainingCertificatesRoutes } from "./modules/trainings/certificates/routes.ts";
import { registerTrainingEvaluationRoutes } from "./modules/trainings/evaluations/routes.ts";
import { registerTrainingExchangeRoutes } from "./modules/trainings/exchange/routes.ts";
import { registerTrainingNetworkRoutes } from "./modules/trainings/network/routes.ts";
import { registerTrainingRoutes } from "./modules/trainings/routes.ts";
import { registerTrainingSessionsRoutes } from "./modules/trainings/sessions/routes.ts";
import { registerAccess } from "./platform/access.ts";
import { requestLocale, translator } from "./platform/i18n.ts";
import { registerInputGuards } from "./platform/input-guards.ts";
import { createMailer, type Mailer } from "./platform/mail.ts";
import { clientErrorProblem, frameworkProblem, registerProblemHandler } from "./platform/problem.ts";
import { registerPublicRateLimit } from "./platform/rate-limit.ts";
import { route } from "./platform/route.ts";
import { registerSecurityHeaders } from "./platform/security-headers.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// Recognition and consents build on cases; what cases shows of them is given here, so that cases
// does not import them (tests/unit/module-boundaries.test.ts).
contributeToCases({
  deadlines: [recognitionDeadlines],
  isClientProcedure,
  documentationConsent: documentationConsentSql,
});
// A withdrawn sharing consent ends the competence shares that stood on it, in the same transaction.
onConsentWithdrawn(endSharesOnWithdrawal);

export const CLIENT_DIR = path.join(root, "dist", "client");

export type BuildOptions = {
  db: Db;
  config: Config;
  mailer?: Mailer;
  logger?: FastifyServerOptions["logger"];
  /** Where the built web app lives; tests point it at a fixture. */
  clientDir?: string;
};

/** Builds the HTTP application without listening; tests call it with app.inject. */
export async function buildApp(opts: BuildOptions): Promise<App> {
  const { db, config } = opts;
  const mailer = opts.mailer ?? createMailer(config.smtpUrl, config.mailFrom);
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    // Idle keep-alive connections are closed at shutdown; requests in flight still finish.
    forceCloseConnections: "idle",
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: frameworkProblem,
    clientErrorHandler: clientErrorProblem,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  await app.register(fastifyCookie);
  registerSecurityHeaders(app, { hsts: config.secureCookies });
  registerProblemHandler(app);
  registerAccess(app, db, config.publicUrl);
  registerInputGuards(app);
  registerPublicRateLimit(app, db, config.publicRateLimit);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Lotse API",
        version: "0.1.0",
        description:
          "The API of Lotse, the working platform of a regional labour-market integration network.",
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "lotse_session" } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  const deps: Deps = { db, config, mailer };
  route(app, platformRoutes.health, async () => {
    await db.execute(sql`select 1`);
    return { status: "ok" as const };
  });
  route(app, platformRoutes.openapi, async () => app.swagger());
  registerAuthRoutes(app, deps);
  registerOrganisationRoutes(app, deps);
  registerMemberRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerOutboxRoutes(app, deps);
  registerHsdsRoutes(app, deps);
  registerFinderRoutes(app, deps);
  registerMatrixRoutes(app, deps);
  registerOfferRoutes(app, deps);
  registerCaseRoutes(app, deps);
  registerHomeRoutes(app, deps);
  registerConsentRoutes(app, deps);
  registerPrivacyRoutes(app, deps);
  registerRecognitionRoutes(app, deps);
  registerCompetenceRoutes(app, deps);
  registerInterfaceRoutes(app, deps);
  registerReferralRoutes(app, deps);
  registerNotificationRoutes(app, deps);
  registerAnalyticsRoutes(app, deps);
  registerSsoRoutes(app, deps);
  registerEscoRoutes(app, deps);
  registerTrainingRoutes(app, deps);
  registerTrainingEvaluationRoutes(app, deps);
  registerTrainingSessionsRoutes(app, deps);
  registerTrainingCertificatesRoutes(app, deps);
  registerTrainingExchangeRoutes(app, deps);
  registerTrainingNetworkRoutes(app, deps);
  await registerClient(app, opts.clientDir ?? CLIENT_DIR);
  return app;
}

/**
 * Serves the built web app; every non-API path falls back to index.html for the client router,
 * except /finder and below: the public offer finder is a separate, smaller app (finder.html).
 */
async function registerClient(app: App, clientDir: string) {
  const hasClient = fs.existsSync(path.join(clientDir, "index.html"));
  const hasFinder = fs.existsSync(path.join(clientDir, "finder.html"));
  if (hasClient) {
    await app.register(fastifyStatic, {
      root: clientDir,
      wildcard: false,
      schemaHide: true,
      index: false,
      // Hashed assets never change; index.html must always be fresh.
      setHeaders: (res, filePath) => {
        res.header(
          "cache-control",
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? "public, max-age=31536000, immutable"
            : "no-cache",
        );
      },
    });
  }
  // Read once: the finder's page is rewritten per request into the visitor's language.
  const finderHtml = hasFinder ? fs.readFileSync(path.join(clientDir, "finder.html"), "utf8") : "";
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === "GET" && !request.url.startsWith("/api/") && hasClient;
    const pathname = request.url.split("?")[0] ?? "";
    if (wantsPage && !path.extname(pathname)) {
      const finder = hasFinder && (pathname === "/finder" || pathname.startsWith("/finder/"));
      if (finder) {
        return reply
          .header("cache-control", "no-cache")
          .header("vary", "Accept-Language")
          .type("text/html; charset=utf-8")
          .send(renderFinderPage(finderHtml, request.url, request.headers["accept-language"]));
      }
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    }
    const t = translator(requestLocale(request));
    return reply
      .code(404)
      .type("application/problem+json")
      .send({
        type: "about:blank#not_found",
        title: t("errors.not_found"),
        status: 404,
        code: "not_found",
        instance: request.id,
      });
  });
}
