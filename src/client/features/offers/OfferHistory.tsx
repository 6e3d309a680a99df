import { Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { offerRoutes } from "../../../shared/contracts/routes/offers.ts";
import { useApiQuery } from "../../api/use-api.ts";
import { formatDateTime } from "../../components/format.ts";
import { Loading } from "../../components/Loading.tsx";
import { Pager } from "../../components/Pager.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
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
      <Table.ScrollContainer minWidth={760}>
        <Table striped aria-busy={history.loading}>
          <Table.Caption className="visually-hidden">{t("offers.history.caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("offers.history.at")}</Table.Th>
              <Table.Th>{t("offers.history.action")}</Table.Th>
              <Table.Th>{t("offers.history.field")}</Table.Th>
              <Table.Th>{t("offers.history.previous")}</Table.Th>
              <Table.Th>{t("offers.history.replacement")}</Table.Th>
              <Table.Th>{t("offers.history.by")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
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
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Pager total={history.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
    </>
  );
}
