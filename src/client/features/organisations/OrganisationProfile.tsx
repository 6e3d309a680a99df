import { Anchor, DataList } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DataRow } from "#client/components/DataRow.tsx";
import { formatDateTime } from "#client/components/format.ts";
import type { Organisation } from "#shared/contracts/organisations.ts";
import { DISTRICTS } from "#shared/domain.ts";

/** The district's proper name for an AGS key. */
export function districtName(ags: string | null): string {
  if (!ags) return "–";
  return DISTRICTS.find((d) => d.ags === ags)?.name ?? ags;
}

/** An organisation's profile as a description list, for reading. */
export function OrganisationProfile({ organisation: o }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const address = [o.street, [o.postcode, o.city].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  return (
    <DataList withDivider labelWidth="200px">
      <DataRow label={t("organisation.fields.type")}>{t(`organisationTypes.${o.type}`)}</DataRow>
      <DataRow label={t("organisation.fields.district")}>{districtName(o.districtAgs)}</DataRow>
      <DataRow label={t("organisation.fields.address")}>{address ? <bdi>{address}</bdi> : "–"}</DataRow>
      <DataRow label={t("organisation.fields.email")}>
        {o.email ? (
          <Anchor href={`mailto:${o.email}`} dir="ltr">
            {o.email}
          </Anchor>
        ) : (
          "–"
        )}
      </DataRow>
      <DataRow label={t("organisation.fields.phone")}>
        {o.phone ? <span dir="ltr">{o.phone}</span> : "–"}
      </DataRow>
      <DataRow label={t("organisation.fields.website")}>
        {o.website ? (
          <Anchor href={o.website} target="_blank" rel="noopener noreferrer" dir="ltr">
            {o.website}
          </Anchor>
        ) : (
          "–"
        )}
      </DataRow>
      <DataRow label={t("organisation.fields.status")}>{t(`organisation.status.${o.status}`)}</DataRow>
      <DataRow label={t("organisation.fields.memberCount")}>{String(o.memberCount)}</DataRow>
      <DataRow label={t("organisation.fields.description")}>
        {o.description ? <div dir="auto">{o.description}</div> : "–"}
      </DataRow>
      <DataRow label={t("organisation.fields.updatedAt")}>{formatDateTime(o.updatedAt)}</DataRow>
    </DataList>
  );
}
