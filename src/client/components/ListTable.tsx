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
  /**
   * Makes the sideways scroll region a named tab stop, so that a wide table can be scrolled by
   * keyboard (the analytics tables).
   */
  scrollLabel?: string;
  /** The table alone, without a scroll region (e.g. inside a hidden text alternative). */
  bare?: boolean;
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
  scrollLabel,
  bare = false,
  children,
}: Props) {
  if (count === 0) return <Text py="md">{empty}</Text>;
  const table = (
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
  );
  if (bare) return table;
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      scrollAreaProps={
        scrollLabel ? { viewportProps: { tabIndex: 0, role: "group", "aria-label": scrollLabel } } : undefined
      }
    >
      {table}
    </Table.ScrollContainer>
  );
}
