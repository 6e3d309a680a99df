import { createContext, use } from "react";
import type { SessionInfo } from "#shared/contracts/auth.ts";
import type { Locale } from "#shared/domain.ts";
import type { Permission } from "#shared/permissions.ts";

export type SessionState = {
  /** Null when nobody is logged in. */
  session: SessionInfo | null;
  /** False until the first GET /api/session has answered. */
  ready: boolean;
  /** Takes over a session that login or invitation acceptance returned. */
  startSession: (session: SessionInfo) => Promise<void>;
  logout: () => Promise<void>;
  switchOrganisation: (organisationId: string) => Promise<void>;
  changeLanguage: (locale: Locale) => Promise<void>;
};

export const SessionContext = createContext<SessionState | null>(null);

/** The session and its actions; only inside <SessionProvider>. */
export function useSession(): SessionState {
  const value = use(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

/** The logged-in session; only on pages behind <RequireSession>. */
export function useRequiredSession(): SessionInfo {
  const { session } = useSession();
  if (!session) throw new Error("useRequiredSession without a session");
  return session;
}

/** Whether the acting role holds a permission, as the server reported it for this session. */
export function hasPermission(session: SessionInfo | null, permission: Permission): boolean {
  return session?.permissions.includes(permission) ?? false;
}
