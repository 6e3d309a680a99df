import { Anchor, Table } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useApiQuery } from "#client/api/use-api.ts";
import { ListTable } from "#client/components/ListTable.tsx";
import { Pager } from "#client/components/Pager.tsx";
import { QueryView } from "#client/components/QueryView.tsx";
import { FormModal } from "#client/forms/FormModal.tsx";
import type { MatrixDimension } from "#shared/contracts/matrix.ts";
import { matrixRoutes } from "#shared/contracts/routes/matrix.ts";
import { DISTRICTS } from "#shared/domain.ts";

/** A cell of the matrix, or a whole row when the district is null. */
export type Cell = { key: string; row: string; ags: string | null; district: string | null };

const LIMIT = 25;
const districtName = (ags: string) => DISTRICTS.find((d) => d.ags === ags)?.name ?? ags;

/** The offers behind one count of the matrix. */
export function CellOffersModal({
  by,
  cell,
  onClose,
}: {
  by: MatrixDimension;
  cell: Cell;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const list = useApiQuery(matrixRoutes.cellOffers, {
    query: { [by]: cell.key, district: cell.ags, limit: LIMIT, offset },
  });
  return (
    <FormModal
      item
      onClose={onClose}
      size="xl"
      title={t("matrix.offersTitle", { row: cell.row, district: cell.district ?? t("matrix.allDistricts") })}
    >
      <QueryView query={list}>
        {(data) => (
          <ListTable
            headers={[t("matrix.offer"), t("matrix.organisation"), t("matrix.districts")]}
            count={data.total}
            empty={t("matrix.offersEmpty")}
            minWidth={560}
            busy={list.loading}
            highlightOnHover={false}
          >
            {data.items.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/offers/${o.id}`} fw={600}>
                    {o.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/organisations/${o.organisationId}`}>
                    {o.organisationName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{o.districts.map(districtName).join(", ")}</Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </QueryView>
      {list.data ? (
        <Pager total={list.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
      ) : null}
    </FormModal>
  );
}
