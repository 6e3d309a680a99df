import { useTranslation } from "react-i18next";
import { FilterBar, filterBinder, optionsOf, SearchFilter, SelectFilter } from "#client/forms/list.tsx";
import { IQ_PHASES, OFFER_STATUSES, type OfferStatus } from "#shared/directory.ts";

export type OfferFilterValues = { q: string; status: OfferStatus | ""; phase: string };
export const NO_OFFER_FILTER: OfferFilterValues = { q: "", status: "", phase: "" };

type Props = { value: OfferFilterValues; onChange: (v: OfferFilterValues) => void };

/** Search by name, and filters by status and phase of the IQ process chain. */
export function OfferFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const bind = filterBinder(value, onChange);
  return (
    <FilterBar cols={{ base: 1, sm: 3 }} label={t("offers.filters")}>
      <SearchFilter label={t("offers.search")} {...bind("q")} />
      <SelectFilter
        label={t("offers.fields.status")}
        {...bind("status")}
        options={optionsOf(OFFER_STATUSES, (s) => t(`directory.statuses.${s}`))}
      />
      <SelectFilter
        label={t("offers.fields.phases")}
        {...bind("phase")}
        options={optionsOf(
          IQ_PHASES,
          (p) => `${t("directory.phaseNumber", { n: p })}: ${t(`directory.phases.${p}`)}`,
        )}
      />
    </FilterBar>
  );
}
