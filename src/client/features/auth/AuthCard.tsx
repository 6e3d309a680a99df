import { Paper, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { PageTitle } from "#client/components/PageTitle.tsx";

/** The card of the public pages: one heading, an optional intro, the form. */
export function AuthCard({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder shadow="sm" p="xl" radius="md" bg="white">
      <PageTitle>{title}</PageTitle>
      {intro ? (
        <Text c="dimmed" size="sm" mb="lg">
          {intro}
        </Text>
      ) : null}
      {children}
    </Paper>
  );
}
