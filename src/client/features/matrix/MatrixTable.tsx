import { Table, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Matrix } from "#shared/contracts/matrix.ts";
import type { Cell } from "./CellOffersModal.tsx";

type Props = { matrix: Matrix; onOpen: (cell: Cell) => void };

/**
 * Rows are phases or offer types, columns the 14 districts. Every count is a button that lists its
 * offers. A gap is marked by a sign and the word "gap", not by its colour alone.
 */
export function MatrixTable({ matrix, onOpen }: Props) {
  const { t } = useTranslation();
  const rowHead = matrix.by === "phase" ? t("matrix.rowPhase") : t("matrix.rowType");
  const rowLabel = (r: Matrix["rows"][number]) => (matrix.by === "phase" ? `${r.key}. ${r.label}` : r.label);
  return (
    <Table.ScrollContainer minWidth={1200}>
      <Table withTableBorder withColumnBorders className="matrix-table" aria-describedby="matrix-legend">
        <Table.Caption className="visually-hidden">
          {matrix.by === "phase" ? t("matrix.captionPhase") : t("matrix.captionType")}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{rowHead}</Table.Th>
            {matrix.districts.map((d) => (
              <Table.Th scope="col" key={d.ags}>
                {d.name}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t("matrix.total")}</Table.Th>
            <Table.Th scope="col">{t("matrix.gaps")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matrix.rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row">{rowLabel(r)}</Table.Th>
              {r.cells.map((c) => {
                const district = matrix.districts.find((d) => d.ags === c.ags)?.name ?? c.ags;
                const row = rowLabel(r);
                return (
                  <Table.Td key={c.ags} className={c.gap ? "matrix-gap" : undefined}>
                    <UnstyledButton
                      className="matrix-cell"
                      onClick={() => onOpen({ key: r.key, row, ags: c.ags, district })}
                    >
                      <span className="visually-hidden">
                        {c.gap
                          ? t("matrix.cellGap", { row, district })
                          : t("matrix.cell", { row, district, count: c.count })}
                      </span>
                      <span aria-hidden="true">
                        {c.gap ? (
                          <>
                            <span className="matrix-gap-marker">⚠</span> {t("matrix.gap")}
                          </>
                        ) : (
                          c.count
                        )}
                      </span>
                    </UnstyledButton>
                  </Table.Td>
                );
              })}
              <Table.Td>
                <UnstyledButton
                  className="matrix-cell"
                  onClick={() => onOpen({ key: r.key, row: rowLabel(r), ags: null, district: null })}
                >
                  <span className="visually-hidden">{t("matrix.row", { row: rowLabel(r) })}: </span>
                  <strong>{r.total}</strong>
                </UnstyledButton>
              </Table.Td>
              <Table.Td>{r.gaps}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t("matrix.total")}</Table.Th>
            {matrix.districts.map((d) => (
              <Table.Td key={d.ags}>
                <strong>{d.total}</strong>
              </Table.Td>
            ))}
            <Table.Td>
              <strong>{matrix.total}</strong>
            </Table.Td>
            <Table.Td>{matrix.gaps}</Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
