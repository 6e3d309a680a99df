import { useTranslation } from "react-i18next";
import { phaseLabel } from "#client/features/cases/labels.ts";
import { DateFilter, FilterBar, optionsOf, SelectFilter } from "#client/forms/list.tsx";
import { IQ_PHASES, OFFER_TYPES, type OfferType } from "#shared/directory.ts";
import { DISTRICTS } from "#shared/domain.ts";

export type AnalyticsFilterValues = {
  from: string;
  to: string;
  phase: string;
  offerType: OfferType | "";
  district: string;
};
export const ANALYTICS_FILTER_KEYS = ["from", "to", "phase", "offerType", "district"] as const;

/** onChange gets only the changed filter, so two quick changes never undo each other. */
type Props = { value: AnalyticsFilterValues; onChange: (change: Partial<AnalyticsFilterValues>) => void };

/** Period, phase, offer type and district: every figure on the page follows them. */
export function AnalyticsFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const bind = (key: keyof AnalyticsFilterValues) => ({
    value: value[key],
    onChange: (v: string) => onChange({ [key]: v }),
  });
  return (
    <FilterBar cols={{ base: 1, sm: 2, lg: 5 }} mb="lg" label={t("analytics.filters.label")}>
      <DateFilter label={t("analytics.filters.from")} {...bind("from")} />
      <DateFilter label={t("analytics.filters.to")} {...bind("to")} />
      <SelectFilter
        label={t("analytics.filters.phase")}
        {...bind("phase")}
        options={optionsOf(IQ_PHASES, (p) => phaseLabel(t, p))}
      />
      <SelectFilter
        label={t("analytics.filters.offerType")}
        {...bind("offerType")}
        options={optionsOf(OFFER_TYPES, (o) => t(`directory.offerTypes.${o}`))}
      />
      <SelectFilter
        label={t("analytics.filters.district")}
        {...bind("district")}
        options={DISTRICTS.map((d) => ({ value: d.ags, label: d.name }))}
      />
    </FilterBar>
  );
}
