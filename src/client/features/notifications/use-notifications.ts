import { useEffect } from "react";
import type { z } from "zod";
import type { NotificationList } from "../../../shared/contracts/referrals.ts";
import { type ApiQuery, useApiQuery } from "../../api/use-api.ts";

export type Notifications = z.infer<typeof NotificationList>;

/** How often the bell asks for news while the page is in view. */
export const POLL_MS = 60_000;

/**
 * The notifications of the acting person, polled every minute while the tab is visible: a hidden
 * tab asks nothing, and the bell catches up as soon as the tab comes back.
 */
export function useNotifications(): ApiQuery<Notifications> {
  const list = useApiQuery<Notifications>("/api/notifications");
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
