import { Anchor, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Offer } from "../../../shared/contracts/offers.ts";
import { ListTable } from "../../components/ListTable.tsx";
import { districtName } from "../organisations/OrganisationProfile.tsx";
import { OfferStatusBadge } from "./OfferStatusBadge.tsx";

type Props = { offers: Offer[]; total: number; busy: boolean };

/** One row per offer; the name links to the offer with its history. */
export function OffersTable({ offers, total, busy }: Props) {
  const { t } = useTranslation();
  return (
    <ListTable
      headers={[
        t("offers.fields.name"),
        t("offers.fields.offerType"),
        t("offers.fields.phases"),
        t("offers.fields.districts"),
        t("offers.fields.status"),
      ]}
      count={offers.length}
      empty={t("offers.empty")}
      caption={t("offers.caption", { n: total })}
      minWidth={760}
      busy={busy}
    >
      {offers.map((o) => (
        <Table.Tr key={o.id}>
          <Table.Td fw={600}>
            <Anchor component={Link} to={`/offers/${o.id}`} dir="auto">
              {o.name}
            </Anchor>
          </Table.Td>
          <Table.Td>{o.offerType ? t(`directory.offerTypes.${o.offerType}`) : "–"}</Table.Td>
          <Table.Td>{o.phases.join(", ")}</Table.Td>
          <Table.Td>{o.districts.map(districtName).join(", ") || "–"}</Table.Td>
          <Table.Td>
            <OfferStatusBadge status={o.status} />
          </Table.Td>
        </Table.Tr>
      ))}
    </ListTable>
  );
}
