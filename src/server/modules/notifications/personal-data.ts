import type { Holding } from "#server/platform/personal-data.ts";
import { notificationReads, notifications } from "./tables.ts";

/** Notifications about the client's referrals, and who of the staff has read them. */
export const NOTIFICATION_HOLDINGS: readonly Holding[] = [
  {
    key: "notifications",
    table: notifications,
    parent: "referrals",
    via: notifications.referralId,
    id: notifications.id,
    order: notifications.createdAt,
  },
  {
    // Who of the staff has read such a notification; erased with it.
    key: "notificationReads",
    table: notificationReads,
    parent: "notifications",
    via: notificationReads.notificationId,
    id: notificationReads.notificationId,
    order: notificationReads.readAt,
  },
];
