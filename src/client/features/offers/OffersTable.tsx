import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ListTable } from "#client/components/ListTable.tsx";
import { districtName } from "#client/features/organisations/OrganisationProfile.tsx";
import type { Offer } from "#shared/contracts/offers.ts";
import { OfferStatusBadge } from "./OfferStatusBadge.tsx";

type Props = { offers: Offer[]; total: number; busy: boolean };

/** One row per offer; the name links to the offer with its history. */
export function OffersTable({ offers, total, busy }: Props) {
  const { t } = useTranslation();
  return (
    <ListTable
      columns={[
        {
          header: t("offers.fields.name"),
          td: { fw: 600 },
          cell: (o) => (
            <Anchor component={Link} to={`/offers/${o.id}`} dir="auto">
              {o.name}
            </Anchor>
          ),
        },
        {
          header: t("offers.fields.offerType"),
          cell: (o) => (o.offerType ? t(`directory.offerTypes.${o.offerType}`) : "–"),
        },
        { header: t("offers.fields.phases"), cell: (o) => o.phases.join(", ") },
        {
          header: t("offers.fields.districts"),
          cell: (o) => o.districts.map(districtName).join(", ") || "–",
        },
        { header: t("offers.fields.status"), cell: (o) => <OfferStatusBadge status={o.status} /> },
      ]}
      rows={offers}
      empty={t("offers.empty")}
      caption={t("offers.caption", { n: total })}
      minWidth={760}
      busy={busy}
    />
  );
}
