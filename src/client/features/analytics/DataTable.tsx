import { createContext, type ReactNode, useContext } from "react";
import { ListTable } from "../../components/ListTable.tsx";

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
 * ListTable for the wide tables of the analytics page: where the table scrolls sideways the
 * scroll region can be focused, so that it can be scrolled by keyboard. A hidden text alternative
 * has no scroll region at all: an invisible tab stop would only confuse.
 */
export function DataTable({ caption, ...props }: Props) {
  const hidden = useContext(HiddenFigures);
  return <ListTable {...props} caption={caption} scrollLabel={caption} bare={hidden} />;
}
