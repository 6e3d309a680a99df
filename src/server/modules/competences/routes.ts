import type { FastifyRequest } from "fastify";
import type { App, Deps } from "#server/deps.ts";
import { ctxOf } from "#server/platform/context.ts";
import { attachment } from "#server/platform/download.ts";
import { route } from "#server/platform/route.ts";
import { publicJwks } from "#server/platform/signing.ts";
import { expectedVersion, sendVersioned } from "#server/platform/versioning.ts";
import { competenceRoutes } from "#shared/contracts/routes/competences.ts";
import { nextStepFromGoal, startupOffers } from "./goals.ts";
import { profileEuropass, profilePdf } from "./outputs.ts";
import { shareRecipients } from "./recipients.ts";
import { createProfile, getProfile, listProfiles, profileOfClient, saveProfile } from "./service.ts";
import { getReceived, listReceived, listShares, revokeShare, shareProfile } from "./shares.ts";
import { compareVersions, listVersions } from "./versions.ts";

/** Routes of the competence module: profiles, versions, goals, shares (ESCO search: esco/routes.ts). */
export function registerCompetenceRoutes(app: App, { db }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);

  route(app, competenceRoutes.list, async (request) => listProfiles({ ...ctx(request), ...request.query }));

  route(app, competenceRoutes.ofClient, async (request, reply) =>
    sendVersioned(reply, await profileOfClient({ ...ctx(request), clientId: request.params.clientId })),
  );

  route(app, competenceRoutes.create, async (request, reply) =>
    reply
      .code(201)
      .send(
        sendVersioned(
          reply,
          await createProfile({ ...ctx(request), clientId: request.params.clientId, input: request.body }),
        ),
      ),
  );

  route(app, competenceRoutes.get, async (request, reply) =>
    sendVersioned(reply, await getProfile({ ...ctx(request), profileId: request.params.profileId })),
  );

  route(app, competenceRoutes.update, async (request, reply) => {
    const version = expectedVersion(request);
    const profile = await saveProfile({
      ...ctx(request),
      profileId: request.params.profileId,
      expectedVersion: version,
      change: request.body,
    });
    return sendVersioned(reply, profile);
  });

  route(app, competenceRoutes.versions, async (request) =>
    listVersions({ ...ctx(request), profileId: request.params.profileId }),
  );

  route(app, competenceRoutes.compare, async (request) =>
    compareVersions({ ...ctx(request), profileId: request.params.profileId, ...request.query }),
  );

  route(app, competenceRoutes.nextStep, async (request, reply) => {
    const version = expectedVersion(request);
    const profile = await nextStepFromGoal({
      ...ctx(request),
      profileId: request.params.profileId,
      expectedVersion: version,
      input: request.body,
    });
    return reply.code(201).send(sendVersioned(reply, profile));
  });

  route(app, competenceRoutes.startupOffers, async (request) =>
    startupOffers({ ...ctx(request), profileId: request.params.profileId }),
  );

  route(app, competenceRoutes.pdf, async (request, reply) => {
    const out = await profilePdf({
      ...ctx(request),
      profileId: request.params.profileId,
      language: request.query.language,
    });
    return reply
      .type("application/pdf")
      .header("content-language", out.languages.join(", "))
      .header("content-disposition", attachment(out.fileName))
      .send(Buffer.from(out.pdf));
  });

  route(app, competenceRoutes.europass, async (request, reply) => {
    const out = await profileEuropass({
      ...ctx(request),
      profileId: request.params.profileId,
      format: request.query.format,
    });
    return reply
      .type(out.mediaType)
      .header("content-disposition", attachment(out.fileName))
      .send(Buffer.from(out.body));
  });

  route(app, competenceRoutes.signingKeys, async (_request, reply) =>
    reply.header("cache-control", "public, max-age=3600").send(await publicJwks(db)),
  );

  route(app, competenceRoutes.shares, async (request) =>
    listShares({ ...ctx(request), profileId: request.params.profileId }),
  );

  route(app, competenceRoutes.shareRecipients, async (request) =>
    shareRecipients({ ...ctx(request), profileId: request.params.profileId }),
  );

  route(app, competenceRoutes.share, async (request, reply) =>
    reply
      .code(201)
      .send(
        await shareProfile({ ...ctx(request), profileId: request.params.profileId, input: request.body }),
      ),
  );

  route(app, competenceRoutes.revokeShare, async (request) =>
    revokeShare({ ...ctx(request), shareId: request.params.shareId }),
  );

  route(app, competenceRoutes.received, async (request) => listReceived(ctx(request)));

  route(app, competenceRoutes.receivedOne, async (request) =>
    getReceived({ ...ctx(request), shareId: request.params.shareId }),
  );
}
