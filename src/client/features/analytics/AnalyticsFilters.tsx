import { NativeSelect, SimpleGrid, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { IQ_PHASES, OFFER_TYPES } from "../../../shared/directory.ts";
import { DISTRICTS } from "../../../shared/domain.ts";
import { phaseLabel } from "../cases/labels.ts";

export type AnalyticsFilterValues = {
  from: string;
  to: string;
  phase: string;
  offerType: string;
  district: string;
};
export const ANALYTICS_FILTER_KEYS = ["from", "to", "phase", "offerType", "district"] as const;

/** onChange gets only the changed filter, so two quick changes never undo each other. */
type Props = { value: AnalyticsFilterValues; onChange: (change: Partial<AnalyticsFilterValues>) => void };

/** Period, phase, offer type and district: every figure on the page follows them. */
export function AnalyticsFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const all = { value: "", label: t("common.all") };
  const set = (key: keyof AnalyticsFilterValues) => (e: { currentTarget: { value: string } }) =>
    onChange({ [key]: e.currentTarget.value });
  return (
    <SimpleGrid
      cols={{ base: 1, sm: 2, lg: 5 }}
      mb="lg"
      role="search"
      aria-label={t("analytics.filters.label")}
    >
      <TextInput type="date" label={t("analytics.filters.from")} value={value.from} onChange={set("from")} />
      <TextInput type="date" label={t("analytics.filters.to")} value={value.to} onChange={set("to")} />
      <NativeSelect
        label={t("analytics.filters.phase")}
        value={value.phase}
        onChange={set("phase")}
        data={[all, ...IQ_PHASES.map((p) => ({ value: String(p), label: phaseLabel(t, p) }))]}
      />
      <NativeSelect
        label={t("analytics.filters.offerType")}
        value={value.offerType}
        onChange={set("offerType")}
        data={[all, ...OFFER_TYPES.map((o) => ({ value: o, label: t(`directory.offerTypes.${o}`) }))]}
      />
      <NativeSelect
        label={t("analytics.filters.district")}
        value={value.district}
        onChange={set("district")}
        data={[all, ...DISTRICTS.map((d) => ({ value: d.ags, label: d.name }))]}
      />
    </SimpleGrid>
  );
}
