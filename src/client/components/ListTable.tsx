import { Table, type TableTdProps, Text } from "@mantine/core";
import type { Key, ReactNode } from "react";

/** One column of a table of records: its header and what its cell shows for a row. */
export type Column<Row> = {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Props of every cell of the column, e.g. `{ fw: 600 }` or `{ dir: "auto" }`. */
  td?: Pick<TableTdProps, "fw" | "dir" | "style" | "ta">;
  /** The cells of this column name their row: header cells with `scope="row"`. */
  rowHeader?: boolean;
};

/** Columns and rows: the table draws one row per record, keyed by its id unless `rowKey` says otherwise. */
type ByColumns<Row> = {
  columns: Column<Row>[];
  rows: Row[];
  headers?: never;
  count?: never;
  children?: never;
} & (Row extends { id: Key } ? { rowKey?: (row: Row) => Key } : { rowKey: (row: Row) => Key });

/** Headers and hand-written rows, for rows that are more than one cell per column. */
type ByRows = {
  /** Column headers, in order. */
  headers: ReactNode[];
  /** Number of rows; none shows the empty text instead of a table. */
  count: number;
  children: ReactNode;
  columns?: never;
  rows?: never;
  rowKey?: never;
};

export type ListTableProps<Row> = (ByColumns<Row> | ByRows) & {
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
};

/** A striped, horizontally scrollable table of records, or a sentence saying there are none. */
export function ListTable<Row>({
  empty,
  caption,
  minWidth,
  busy,
  highlightOnHover = true,
  scrollLabel,
  bare = false,
  ...body
}: ListTableProps<Row>) {
  const headers = body.columns ? body.columns.map((c) => c.header) : (body.headers ?? []);
  const count = body.rows ? body.rows.length : (body.count ?? 0);
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
      <Table.Tbody>
        {body.columns && body.rows ? (
          <ColumnRows columns={body.columns} rows={body.rows} rowKey={body.rowKey} />
        ) : (
          body.children
        )}
      </Table.Tbody>
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

function ColumnRows<Row>({
  columns,
  rows,
  rowKey,
}: {
  columns: Column<Row>[];
  rows: Row[];
  rowKey?: (row: Row) => Key;
}) {
  const key = rowKey ?? ((row: Row) => (row as { id: Key }).id);
  return rows.map((row) => (
    <Table.Tr key={key(row)}>
      {columns.map((c, i) =>
        c.rowHeader ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: static column list
          <Table.Th key={i} scope="row" {...c.td}>
            {c.cell(row)}
          </Table.Th>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: static column list
          <Table.Td key={i} {...c.td}>
            {c.cell(row)}
          </Table.Td>
        ),
      )}
    </Table.Tr>
  ));
}
