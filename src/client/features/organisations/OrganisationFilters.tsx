import { useTranslation } from "react-i18next";
import { FilterBar, filterBinder, optionsOf, SearchFilter, SelectFilter } from "#client/forms/list.tsx";
import {
  DISTRICTS,
  ORGANISATION_TYPES,
  type OrganisationStatus,
  type OrganisationType,
} from "#shared/domain.ts";

export type OrganisationFilterValues = {
  q: string;
  type: OrganisationType | "";
  districtAgs: string;
  status: OrganisationStatus | "";
};
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
  const bind = filterBinder(value, onChange);
  return (
    <FilterBar cols={{ base: 1, sm: 2, md: 4 }} label={t("organisations.filters")}>
      <SearchFilter label={t("organisations.search")} {...bind("q")} />
      <SelectFilter
        label={t("organisation.fields.type")}
        {...bind("type")}
        options={optionsOf(ORGANISATION_TYPES, (v) => t(`organisationTypes.${v}`))}
      />
      <SelectFilter
        label={t("organisation.fields.district")}
        {...bind("districtAgs")}
        options={DISTRICTS.map((d) => ({ value: d.ags, label: d.name }))}
      />
      <SelectFilter
        label={t("organisation.fields.status")}
        {...bind("status")}
        options={optionsOf(["active", "inactive"], (s) => t(`organisation.status.${s}`))}
      />
    </FilterBar>
  );
}
