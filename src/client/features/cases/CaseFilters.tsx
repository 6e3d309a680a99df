import { NativeSelect, SimpleGrid, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CASE_STATUSES } from "../../../shared/cases.ts";
import { DUE_FILTERS } from "../../../shared/contracts/cases.ts";
import { IQ_PHASES } from "../../../shared/directory.ts";
import { phaseLabel } from "./labels.ts";

export type CaseFilterValues = { q: string; phase: string; status: string; assignee: string; due: string };
export const CASE_FILTER_KEYS = ["q", "phase", "status", "assignee", "due"] as const;

type Person = { id: string; name: string };
type Props = {
  value: CaseFilterValues;
  onChange: (v: CaseFilterValues) => void;
  /** Who cases can be assigned to, for the assignee filter. */
  people: Person[];
};

/** Search by the client's name or the pseudonym, filters by phase, status, assignee and due steps. */
export function CaseFilters({ value, onChange, people }: Props) {
  const { t } = useTranslation();
  const all = { value: "", label: t("common.all") };
  const set = (key: keyof CaseFilterValues) => (e: { currentTarget: { value: string } }) =>
    onChange({ ...value, [key]: e.currentTarget.value });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} mb="md" role="search" aria-label={t("cases.filters.label")}>
      <TextInput type="search" label={t("cases.filters.search")} value={value.q} onChange={set("q")} />
      <NativeSelect
        label={t("cases.fields.phase")}
        value={value.phase}
        onChange={set("phase")}
        data={[all, ...IQ_PHASES.map((p) => ({ value: String(p), label: phaseLabel(t, p) }))]}
      />
      <NativeSelect
        label={t("cases.fields.status")}
        value={value.status}
        onChange={set("status")}
        data={[all, ...CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.statuses.${s}`) }))]}
      />
      <NativeSelect
        label={t("cases.fields.assignee")}
        value={value.assignee}
        onChange={set("assignee")}
        data={[
          all,
          { value: "me", label: t("cases.filters.assigneeMe") },
          { value: "none", label: t("cases.filters.assigneeNone") },
          ...people.map((p) => ({ value: p.id, label: p.name })),
        ]}
      />
      <NativeSelect
        label={t("cases.filters.due")}
        value={value.due}
        onChange={set("due")}
        data={[all, ...DUE_FILTERS.map((d) => ({ value: d, label: t(`cases.filters.dueOptions.${d}`) }))]}
      />
    </SimpleGrid>
  );
}
