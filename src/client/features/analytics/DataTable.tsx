import { Table, Text } from "@mantine/core";
import { createContext, type ReactNode, useContext } from "react";

/** True inside a chart's text alternative while it is hidden from sight (but not from screen readers). */
export const HiddenFigures = createContext(false);

type Props = {
  headers: ReactNode[];
  count: number;
  empty: string;
  /** The table's name: its caption, and the name of its scroll region. */
  caption: string;
  minWidth: number;
  busy?: boolean;
  children: ReactNode;
};

/**
 * Like ListTable, for the wide tables of the analytics page: where the table scrolls sideways the
 * scroll region can be focused, so that it can be scrolled by keyboard. A hidden text alternative
 * has no scroll region at all: an invisible tab stop would only confuse.
 */
export function DataTable({ headers, count, empty, caption, minWidth, busy, children }: Props) {
  const hidden = useContext(HiddenFigures);
  if (count === 0) return <Text py="md">{empty}</Text>;
  const table = (
    <Table striped highlightOnHover aria-busy={busy}>
      <Table.Caption className="visually-hidden">{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          {headers.map((h, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static column list
            <Table.Th key={i}>{h}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
  if (hidden) return table;
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      scrollAreaProps={{ viewportProps: { tabIndex: 0, role: "group", "aria-label": caption } }}
    >
      {table}
    </Table.ScrollContainer>
  );
}
