import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { ApiError, callApi, setCsrfToken, setUnauthenticatedHandler } from "#client/api/client.ts";
import { currentLocale, i18n } from "#client/i18n.ts";
import type { SessionInfo } from "#shared/contracts/auth.ts";
import { routeStub } from "#shared/contracts/route.ts";
import type { authRoutes } from "#shared/contracts/routes/auth.ts";
import type { Locale } from "#shared/domain.ts";
import { SessionContext, type SessionState } from "./session-context.ts";

// Stubs, not the descriptors: the session is in the entry chunk, which must not load zod.
const sessionApi = {
  session: routeStub<typeof authRoutes.session>("GET", "/api/session"),
  logout: routeStub<typeof authRoutes.logout>("POST", "/api/auth/logout"),
  switchOrganisation: routeStub<typeof authRoutes.switchOrganisation>("PUT", "/api/session/organisation"),
  setLocale: routeStub<typeof authRoutes.setLocale>("PUT", "/api/session/locale"),
};

// A language picked before logging in is a fresh, explicit choice: it wins over the stored
// preference and becomes the new preference at login.
const CHOSEN_KEY = "lotse.langChosen";

function markChosen(chosen: boolean) {
  try {
    if (chosen) sessionStorage.setItem(CHOSEN_KEY, "1");
    else sessionStorage.removeItem(CHOSEN_KEY);
  } catch {
    // Without storage the stored preference simply applies at login.
  }
}

function wasChosen(): boolean {
  try {
    return sessionStorage.getItem(CHOSEN_KEY) === "1";
  } catch {
    return false;
  }
}

/** Loads the session once and offers login, logout, organisation and language changes. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSessionState] = useState<SessionInfo | null>(null);
  const [ready, setReady] = useState(false);

  const setSession = useCallback((next: SessionInfo | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setSessionState(next);
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => setSession(null));
    callApi(sessionApi.session)
      .then((s) => setSession(s))
      .catch(() => setSession(null))
      .finally(() => setReady(true));
    return () => setUnauthenticatedHandler(null);
  }, [setSession]);

  const startSession = useCallback(
    async (next: SessionInfo) => {
      setSession(next);
      const locale = currentLocale();
      if (wasChosen() && locale !== next.user.locale) {
        await callApi(sessionApi.setLocale, { body: { locale } }).catch(() => undefined);
        setSession({ ...next, user: { ...next.user, locale } });
      } else if (locale !== next.user.locale) {
        await i18n.changeLanguage(next.user.locale);
      }
      markChosen(false);
    },
    [setSession],
  );

  const logout = useCallback(async () => {
    try {
      await callApi(sessionApi.logout);
    } catch (err) {
      // An already ended session is logged out as well.
      if (!(err instanceof ApiError && err.status === 401)) throw err;
    }
    setSession(null);
  }, [setSession]);

  const switchOrganisation = useCallback(
    async (organisationId: string) => {
      setSession(await callApi(sessionApi.switchOrganisation, { body: { organisationId } }));
    },
    [setSession],
  );

  const changeLanguage = useCallback(
    async (locale: Locale) => {
      await i18n.changeLanguage(locale);
      if (!session) {
        markChosen(true);
        return;
      }
      setSessionState({ ...session, user: { ...session.user, locale } });
      await callApi(sessionApi.setLocale, { body: { locale } });
    },
    [session],
  );

  const value = useMemo<SessionState>(
    () => ({ session, ready, startSession, logout, switchOrganisation, changeLanguage }),
    [session, ready, startSession, logout, switchOrganisation, changeLanguage],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}
