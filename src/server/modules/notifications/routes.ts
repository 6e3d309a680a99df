import type { FastifyRequest } from "fastify";
import type { App, Deps } from "#server/deps.ts";
import { ctxOf } from "#server/platform/context.ts";
import { route } from "#server/platform/route.ts";
import { notificationRoutes } from "#shared/contracts/routes/notifications.ts";
import { configureNotificationMail } from "./notify.ts";
import { listNotifications, markAllRead, markRead } from "./service.ts";

/** Routes of the in-app notifications; also hands the mail settings to `notify`. */
export function registerNotificationRoutes(app: App, { db, config, mailer }: Deps) {
  configureNotificationMail({ mailer, publicUrl: config.publicUrl });
  const ctx = (request: FastifyRequest) => ctxOf(db, request);

  route(app, notificationRoutes.list, async (request) => listNotifications(ctx(request)));

  route(app, notificationRoutes.readAll, async (request) => markAllRead(ctx(request)));

  route(app, notificationRoutes.read, async (request) =>
    markRead({ ...ctx(request), id: request.params.notificationId }),
  );
}
