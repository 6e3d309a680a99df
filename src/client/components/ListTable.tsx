import { Table, Text } from "@mantine/core";
import type { ReactNode } from "react";

type Props = {
  /** Column headers, in order. */
  headers: ReactNode[];
  /** Number of rows; none shows the empty text instead of a table. */
  count: number;
  empty: string;
  /** Announced to screen readers only, e.g. "12 organisations". */
  caption?: string;
  minWidth: number;
  busy?: boolean;
  highlightOnHover?: boolean;
  children: ReactNode;
};

/** A striped, horizontally scrollable table of records, or a sentence saying there are none. */
export function ListTable({
  headers,
  count,
  empty,
  caption,
  minWidth,
  busy,
  highlightOnHover = true,
  children,
}: Props) {
  if (count === 0) return <Text py="md">{empty}</Text>;
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover={highlightOnHover} aria-busy={busy}>
        {caption ? <Table.Caption className="visually-hidden">{caption}</Table.Caption> : null}
        <Table.Thead>
          <Table.Tr>
            {headers.map((h, i) => (
              // Headers are fixed per table: their position is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: static column list
              <Table.Th key={i}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
