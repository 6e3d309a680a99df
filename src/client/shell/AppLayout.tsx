import { AppShell, Burger, Group } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation } from "react-router";
import { NotificationBell } from "#client/features/notifications/NotificationBell.tsx";
import { useRequiredSession } from "#client/session/session-context.ts";
import { Brand } from "./Brand.tsx";
import { LanguageSwitcher } from "./LanguageSwitcher.tsx";
import { Navigation } from "./Navigation.tsx";
import { OrganisationSwitcher } from "./OrganisationSwitcher.tsx";
import { MAIN_ID, SkipLink } from "./SkipLink.tsx";
import { UserMenu } from "./UserMenu.tsx";

/** The frame of every logged-in page: header, module navigation and the page in <main>. */
export function AppLayout({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const session = useRequiredSession();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After a client-side page change, screen readers start at the new content, not the old link.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path change is the trigger
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: false });
  }, [pathname]);

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 250, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <SkipLink />
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t("shell.closeNavigation") : t("shell.openNavigation")}
            />
            <Brand />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <OrganisationSwitcher />
            {/* Notifications belong to the acting organisation: a switch starts the bell afresh. */}
            <NotificationBell key={session.active.membershipId} />
            <LanguageSwitcher />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t("nav.label")}>
        <Navigation onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_ID} ref={mainRef} tabIndex={-1} bg="gray.0">
        {/* A new acting organisation means new data: remount the page so it loads again. */}
        <div key={session.active.membershipId} style={{ maxWidth: 1200 }}>
          {children ?? <Outlet />}
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
