import { Box, Container, Group } from "@mantine/core";
import type { ReactNode } from "react";
import { Outlet } from "react-router";
import { Brand } from "./Brand.tsx";
import { LanguageSwitcher } from "./LanguageSwitcher.tsx";
import { MAIN_ID, SkipLink } from "./SkipLink.tsx";

/** The frame of the pages before login: app name, language switcher and a narrow content column. */
export function PublicLayout({ children }: { children?: ReactNode }) {
  return (
    <Box mih="100vh" bg="gray.0">
      <SkipLink />
      <Box component="header" bg="white" style={{ borderBlockEnd: "1px solid var(--mantine-color-gray-3)" }}>
        <Container size="lg" py="sm">
          <Group justify="space-between">
            <Brand />
            <LanguageSwitcher />
          </Group>
        </Container>
      </Box>
      <Container component="main" id={MAIN_ID} tabIndex={-1} size={460} py={48}>
        {children ?? <Outlet />}
      </Container>
    </Box>
  );
}
