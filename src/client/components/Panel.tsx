import { Group, Paper, Title } from "@mantine/core";
import { type ReactNode, useId } from "react";

type Props = {
  title: ReactNode;
  /** Buttons beside the heading ("add", "edit"). */
  action?: ReactNode;
  /** The heading's id, when something else refers to it; a generated one otherwise. */
  headingId?: string;
  children: ReactNode;
};

/** A bordered section of a page, named by its h2 heading, with room for buttons beside the heading. */
export function Panel({ title, action, headingId, children }: Props) {
  const generated = useId();
  const id = headingId ?? generated;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="md">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}
