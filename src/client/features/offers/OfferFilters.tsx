import { NativeSelect, SimpleGrid, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { IQ_PHASES, OFFER_STATUSES } from "../../../shared/directory.ts";

export type OfferFilterValues = { q: string; status: string; phase: string };
export const NO_OFFER_FILTER: OfferFilterValues = { q: "", status: "", phase: "" };

type Props = { value: OfferFilterValues; onChange: (v: OfferFilterValues) => void };

/** Search by name, and filters by status and phase of the IQ process chain. */
export function OfferFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const all = { value: "", label: t("common.all") };
  const set = (key: keyof OfferFilterValues) => (e: { currentTarget: { value: string } }) =>
    onChange({ ...value, [key]: e.currentTarget.value });
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md" role="search" aria-label={t("offers.filters")}>
      <TextInput type="search" label={t("offers.search")} value={value.q} onChange={set("q")} />
      <NativeSelect
        label={t("offers.fields.status")}
        value={value.status}
        onChange={set("status")}
        data={[all, ...OFFER_STATUSES.map((s) => ({ value: s, label: t(`directory.statuses.${s}`) }))]}
      />
      <NativeSelect
        label={t("offers.fields.phases")}
        value={value.phase}
        onChange={set("phase")}
        data={[
          all,
          ...IQ_PHASES.map((p) => ({
            value: String(p),
            label: `${t("directory.phaseNumber", { n: p })}: ${t(`directory.phases.${p}`)}`,
          })),
        ]}
      />
    </SimpleGrid>
  );
}
