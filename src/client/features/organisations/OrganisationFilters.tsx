import { NativeSelect, SimpleGrid, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DISTRICTS, ORGANISATION_TYPES } from "../../../shared/domain.ts";

export type OrganisationFilterValues = { q: string; type: string; districtAgs: string; status: string };
export const NO_ORGANISATION_FILTER: OrganisationFilterValues = {
  q: "",
  type: "",
  districtAgs: "",
  status: "",
};

type Props = { value: OrganisationFilterValues; onChange: (v: OrganisationFilterValues) => void };

/** Name, type, district and status filters of the organisation directory. */
export function OrganisationFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const all = { value: "", label: t("common.all") };
  const set = (key: keyof OrganisationFilterValues) => (e: { currentTarget: { value: string } }) =>
    onChange({ ...value, [key]: e.currentTarget.value });
  return (
    <SimpleGrid
      cols={{ base: 1, sm: 2, md: 4 }}
      mb="md"
      role="search"
      aria-label={t("organisations.filters")}
    >
      <TextInput type="search" label={t("organisations.search")} value={value.q} onChange={set("q")} />
      <NativeSelect
        label={t("organisation.fields.type")}
        value={value.type}
        onChange={set("type")}
        data={[all, ...ORGANISATION_TYPES.map((v) => ({ value: v, label: t(`organisationTypes.${v}`) }))]}
      />
      <NativeSelect
        label={t("organisation.fields.district")}
        value={value.districtAgs}
        onChange={set("districtAgs")}
        data={[all, ...DISTRICTS.map((d) => ({ value: d.ags, label: d.name }))]}
      />
      <NativeSelect
        label={t("organisation.fields.status")}
        value={value.status}
        onChange={set("status")}
        data={[
          all,
          ...["active", "inactive"].map((s) => ({ value: s, label: t(`organisation.status.${s}`) })),
        ]}
      />
    </SimpleGrid>
  );
}
