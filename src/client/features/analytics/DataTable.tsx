import { createContext, useContext } from "react";
import { ListTable, type ListTableProps } from "#client/components/ListTable.tsx";

/** True inside a chart's text alternative while it is hidden from sight (but not from screen readers). */
export const HiddenFigures = createContext(false);

/** ListTable's props; the caption is required, it also names the scroll region. */
type Props<Row> = ListTableProps<Row> & { caption: string };

/**
 * ListTable for the wide tables of the analytics page: where the table scrolls sideways the
 * scroll region can be focused, so that it can be scrolled by keyboard. A hidden text alternative
 * has no scroll region at all: an invisible tab stop would only confuse.
 */
export function DataTable<Row>({ caption, ...props }: Props<Row>) {
  const hidden = useContext(HiddenFigures);
  return <ListTable {...props} caption={caption} scrollLabel={caption} bare={hidden} />;
}
