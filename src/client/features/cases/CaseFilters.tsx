import { useTranslation } from "react-i18next";
import { FilterBar, filterBinder, optionsOf, SearchFilter, SelectFilter } from "#client/forms/list.tsx";
import { CASE_STATUSES, type CaseStatus } from "#shared/cases.ts";
import { DUE_FILTERS } from "#shared/contracts/cases.ts";
import { IQ_PHASES } from "#shared/directory.ts";
import { phaseLabel } from "./labels.ts";

export type CaseFilterValues = {
  q: string;
  phase: string;
  status: CaseStatus | "";
  assignee: string;
  due: (typeof DUE_FILTERS)[number] | "";
};
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
  const bind = filterBinder(value, onChange);
  return (
    <FilterBar cols={{ base: 1, sm: 2, lg: 5 }} label={t("cases.filters.label")}>
      <SearchFilter label={t("cases.filters.search")} {...bind("q")} />
      <SelectFilter
        label={t("cases.fields.phase")}
        {...bind("phase")}
        options={optionsOf(IQ_PHASES, (p) => phaseLabel(t, p))}
      />
      <SelectFilter
        label={t("cases.fields.status")}
        {...bind("status")}
        options={optionsOf(CASE_STATUSES, (s) => t(`cases.statuses.${s}`))}
      />
      <SelectFilter
        label={t("cases.fields.assignee")}
        {...bind("assignee")}
        options={[
          { value: "me", label: t("cases.filters.assigneeMe") },
          { value: "none", label: t("cases.filters.assigneeNone") },
          ...people.map((p) => ({ value: p.id, label: p.name })),
        ]}
      />
      <SelectFilter
        label={t("cases.filters.due")}
        {...bind("due")}
        options={optionsOf(DUE_FILTERS, (d) => t(`cases.filters.dueOptions.${d}`))}
      />
    </FilterBar>
  );
}
