import { DataList } from "@mantine/core";
import type { ReactNode } from "react";

type Props = {
  label: string;
  children: ReactNode;
  /** Keeps the line breaks of a multi-line value (notes, addresses); on unless told. */
  preLine?: boolean;
};

/** One label and value of a record shown as a description list. */
export function DataRow({ label, children, preLine = true }: Props) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue style={preLine ? { whiteSpace: "pre-line" } : undefined}>
        {children}
      </DataList.ItemValue>
    </DataList.Item>
  );
}
