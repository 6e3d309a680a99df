import { Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "#client/api/use-api.ts";
import { formatDateTime } from "#client/components/format.ts";
import { ListTable } from "#client/components/ListTable.tsx";
import { Loading } from "#client/components/Loading.tsx";
import { Pager } from "#client/components/Pager.tsx";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { offerRoutes } from "#shared/contracts/routes/offers.ts";
import { displayValue, fieldLabel } from "./labels.ts";

const LIMIT = 50;
const ACTIONS = ["create", "update", "delete"];

/** The change history of an offer: one row per changed field, newest first. */
export function OfferHistory({ offerId }: { offerId: string }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const history = useApiQuery(offerRoutes.history, {
    params: { id: offerId },
    query: { limit: LIMIT, offset },
  });
  if (history.error) return <ProblemAlert error={history.error} />;
  if (!history.data) return <Loading />;
  if (history.data.items.length === 0) return <Text>{t("offers.history.empty")}</Text>;
  return (
    <>
      <ListTable
        headers={[
          t("offers.history.at"),
          t("offers.history.action"),
          t("offers.history.field"),
          t("offers.history.previous"),
          t("offers.history.replacement"),
          t("offers.history.by"),
        ]}
        count={history.data.items.length}
        empty={t("offers.history.empty")}
        caption={t("offers.history.caption")}
        minWidth={760}
        busy={history.loading}
        highlightOnHover={false}
      >
        {history.data.items.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(c.at)}</Table.Td>
            <Table.Td>
              {ACTIONS.includes(c.action) ? t(`offers.history.actions.${c.action}`) : c.action}
            </Table.Td>
            <Table.Td>{fieldLabel(t, c.field)}</Table.Td>
            <Table.Td dir="auto" style={{ overflowWrap: "anywhere" }}>
              {displayValue(t, c.field, c.previous)}
            </Table.Td>
            <Table.Td dir="auto" style={{ overflowWrap: "anywhere" }}>
              {displayValue(t, c.field, c.replacement)}
            </Table.Td>
            <Table.Td>{c.byName ?? t("offers.history.system")}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      <Pager total={history.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
    </>
  );
}
