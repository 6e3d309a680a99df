import type { FastifyRequest } from "fastify";
import { PROTECTED_PROBLEMS } from "#shared/contracts/common.ts";
import { Notification, NotificationList, NotificationParams } from "#shared/contracts/referrals.ts";
import type { App, Deps } from "../../deps.ts";
import { ctxOf } from "../../platform/context.ts";
import { configureNotificationMail } from "./notify.ts";
import { listNotifications, markAllRead, markRead } from "./service.ts";

const tags = ["notifications"];
const problems = PROTECTED_PROBLEMS;

/** Routes of the in-app notifications; also hands the mail settings to `notify`. */
export function registerNotificationRoutes(app: App, { db, config, mailer }: Deps) {
  configureNotificationMail({ mailer, publicUrl: config.publicUrl });
  const ctx = (request: FastifyRequest) => ctxOf(db, request);

  app.get(
    "/api/notifications",
    {
      config: { access: "notification.read" },
      schema: {
        tags,
        summary: "The caller's newest notifications and how many are unread",
        response: { 200: NotificationList, ...problems },
      },
    },
    async (request) => listNotifications(ctx(request)),
  );

  app.post(
    "/api/notifications/read-all",
    {
      config: { access: "notification.read" },
      schema: {
        tags,
        summary: "Mark all of the caller's notifications read",
        response: { 200: NotificationList, ...problems },
      },
    },
    async (request) => markAllRead(ctx(request)),
  );

  app.post(
    "/api/notifications/:notificationId/read",
    {
      config: { access: "notification.read" },
      schema: {
        tags,
        summary: "Mark one notification read",
        params: NotificationParams,
        response: { 200: Notification, ...problems },
      },
    },
    async (request) => markRead({ ...ctx(request), id: request.params.notificationId }),
  );
}
