import { useEffect } from "react";
import { type ApiQuery, useApiQuery } from "#client/api/use-api.ts";
import { type ResponseOf, routeStub } from "#shared/contracts/route.ts";
import type { notificationRoutes } from "#shared/contracts/routes/notifications.ts";

// Stubs, not the descriptors: the bell is in the entry chunk, which must not load zod.
export const notificationApi = {
  list: routeStub<typeof notificationRoutes.list>("GET", "/api/notifications"),
  read: routeStub<typeof notificationRoutes.read>("POST", "/api/notifications/:notificationId/read"),
  readAll: routeStub<typeof notificationRoutes.readAll>("POST", "/api/notifications/read-all"),
};

export type Notifications = ResponseOf<typeof notificationApi.list>;

/** How often the bell asks for news while the page is in view. */
export const POLL_MS = 60_000;

/**
 * The notifications of the acting person, polled every minute while the tab is visible: a hidden
 * tab asks nothing, and the bell catches up as soon as the tab comes back.
 */
export function useNotifications(): ApiQuery<Notifications> {
  const list = useApiQuery(notificationApi.list);
  const { reload } = list;
  useEffect(() => {
    const visible = () => document.visibilityState === "visible";
    const timer = window.setInterval(() => {
      if (visible()) reload();
    }, POLL_MS);
    const onVisibility = () => {
      if (visible()) reload();
    };
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [reload]);
  return list;
}
