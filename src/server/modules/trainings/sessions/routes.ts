import type { FastifyRequest } from "fastify";
import type { App, Deps } from "#server/deps.ts";
import { ctxOf } from "#server/platform/context.ts";
import { route } from "#server/platform/route.ts";
import { expectedVersion, sendVersioned } from "#server/platform/versioning.ts";
import { trainingSessionsRoutes as r } from "#shared/contracts/routes/trainings-sessions.ts";
import { cohortTotals, saveAttendance, sessionAttendance } from "./attendance.ts";
import { createFeed, feedCalendar, listFeeds, revokeFeed } from "./feeds.ts";
import { myTrainings } from "./mine.ts";
import { cancelSession, createSession, listSessions, updateSession } from "./service.ts";

/** Routes of the trainings part "sessions": sessions, attendance, iCal feeds, own trainings. */
export function registerTrainingSessionsRoutes(app: App, { db, config, mailer }: Deps) {
  const ctx = (request: FastifyRequest) => ctxOf(db, request);
  const mail = { mailer, publicUrl: config.publicUrl };

  route(app, r.list, async (request) => listSessions({ ...ctx(request), cohortId: request.params.cohortId }));
  route(app, r.create, async (request, reply) =>
    reply
      .code(201)
      .send(
        sendVersioned(
          reply,
          await createSession({ ...ctx(request), cohortId: request.params.cohortId, input: request.body }),
        ),
      ),
  );
  route(app, r.update, async (request, reply) =>
    sendVersioned(
      reply,
      await updateSession({
        ...ctx(request),
        ...mail,
        sessionId: request.params.sessionId,
        version: expectedVersion(request),
        input: request.body,
      }),
    ),
  );
  route(app, r.cancel, async (request, reply) =>
    sendVersioned(
      reply,
      await cancelSession({
        ...ctx(request),
        ...mail,
        sessionId: request.params.sessionId,
        version: expectedVersion(request),
        note: request.body.note,
      }),
    ),
  );
  route(app, r.attendance, async (request) =>
    sessionAttendance({ ...ctx(request), sessionId: request.params.sessionId }),
  );
  route(app, r.saveAttendance, async (request) =>
    saveAttendance({ ...ctx(request), sessionId: request.params.sessionId, input: request.body }),
  );
  route(app, r.totals, async (request) =>
    cohortTotals({ ...ctx(request), cohortId: request.params.cohortId }),
  );
  route(app, r.feeds, async (request) => listFeeds({ ...ctx(request), cohortId: request.params.cohortId }));
  route(app, r.createFeed, async (request, reply) =>
    reply.code(201).send(
      await createFeed({
        ...ctx(request),
        cohortId: request.params.cohortId,
        kind: request.body.kind,
        publicUrl: config.publicUrl,
      }),
    ),
  );
  route(app, r.revokeFeed, async (request, reply) => {
    await revokeFeed({ ...ctx(request), feedId: request.params.feedId });
    return reply.code(204).send(null);
  });
  route(app, r.ics, async (request, reply) => {
    const body = await feedCalendar(db, request.params.token, config.publicUrl);
    return reply
      .type("text/calendar; charset=utf-8")
      .header("cache-control", "private, no-store")
      .header("content-disposition", 'inline; filename="training.ics"')
      .send(body);
  });
  route(app, r.mine, async (request) => myTrainings(ctx(request)));
}
