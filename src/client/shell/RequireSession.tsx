import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { Loading } from "#client/components/Loading.tsx";
import { useSession } from "#client/session/session-context.ts";

/** Sends visitors without a session to the login page, remembering where they wanted to go. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { session, ready } = useSession();
  const location = useLocation();
  if (!ready) return <Loading />;
  if (!session) {
    const next = location.pathname + location.search;
    const target = next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={target} replace />;
  }
  return children;
}

/** The path to continue to after login: only paths inside Lotse, never another site. */
export function safeNext(value: string | null): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
