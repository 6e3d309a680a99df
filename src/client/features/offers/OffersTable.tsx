import { Anchor, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Offer } from "../../../shared/contracts/offers.ts";
import { districtName } from "../organisations/OrganisationProfile.tsx";
import { OfferStatusBadge } from "./OfferStatusBadge.tsx";

type Props = { offers: Offer[]; total: number; busy: boolean };

/** One row per offer; the name links to the offer with its history. */
export function OffersTable({ offers, total, busy }: Props) {
  const { t } = useTranslation();
  if (offers.length === 0) return <Text py="md">{t("offers.empty")}</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover aria-busy={busy}>
        <Table.Caption className="visually-hidden">{t("offers.caption", { n: total })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("offers.fields.name")}</Table.Th>
            <Table.Th>{t("offers.fields.offerType")}</Table.Th>
            <Table.Th>{t("offers.fields.phases")}</Table.Th>
            <Table.Th>{t("offers.fields.districts")}</Table.Th>
            <Table.Th>{t("offers.fields.status")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
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
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
