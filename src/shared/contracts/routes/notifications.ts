import { PROTECTED_PROBLEMS } from "#shared/contracts/common.ts";
import { Notification, NotificationList, NotificationParams } from "#shared/contracts/referrals.ts";
import { defineRoute } from "#shared/contracts/route.ts";

const tags = ["notifications"];
const problems = PROTECTED_PROBLEMS;

/** Routes of the in-app notifications; also hands the mail settings to `notify`. */
export const notificationRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/notifications",
    access: "notification.read",
    tags,
    summary: "The caller's newest notifications and how many are unread",
    response: { 200: NotificationList, ...problems },
  }),
  readAll: defineRoute({
    method: "POST",
    path: "/api/notifications/read-all",
    access: "notification.read",
    tags,
    summary: "Mark all of the caller's notifications read",
    response: { 200: NotificationList, ...problems },
  }),
  read: defineRoute({
    method: "POST",
    path: "/api/notifications/:notificationId/read",
    access: "notification.read",
    tags,
    summary: "Mark one notification read",
    params: NotificationParams,
    response: { 200: Notification, ...problems },
  }),
};
