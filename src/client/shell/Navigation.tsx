import { NavLink, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { hasPermission, useRequiredSession } from "#client/session/session-context.ts";
import { isActive, MODULES } from "./modules.ts";

/** The module links that the acting role may use. */
export function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const session = useRequiredSession();
  const { pathname } = useLocation();
  const visible = MODULES.filter((m) => m.permission === null || hasPermission(session, m.permission));
  // Of nested links (/competences and /competences/shared) only the closest one is the current page.
  const current = visible
    .filter((m) => isActive(m.to, pathname))
    .reduce<string | null>((best, m) => (best === null || m.to.length > best.length ? m.to : best), null);
  return (
    <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: "none" }}>
      {visible.map((m) => {
        const active = m.to === current;
        return (
          <li key={m.to}>
            <NavLink
              component={Link}
              to={m.to}
              label={t(m.label.includes(".") ? m.label : `nav.${m.label}`)}
              active={active}
              variant="filled"
              aria-current={active ? "page" : undefined}
              onClick={onNavigate}
              style={{ borderRadius: "var(--mantine-radius-md)" }}
            />
          </li>
        );
      })}
    </Stack>
  );
}
