import { useTranslation } from "react-i18next";
import { FilterBar, filterBinder, optionsOf, SearchFilter, SelectFilter } from "#client/forms/list.tsx";
import { type AccountStatus, ROLES, type Role } from "#shared/domain.ts";

export type MemberFilterValues = { q: string; role: Role | ""; status: AccountStatus | "" };
export const NO_MEMBER_FILTER: MemberFilterValues = { q: "", role: "", status: "" };

type Props = { value: MemberFilterValues; onChange: (v: MemberFilterValues) => void };

/** Search by name or e-mail, and filters by role and status. */
export function MemberFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const bind = filterBinder(value, onChange);
  return (
    <FilterBar cols={{ base: 1, sm: 3 }} label={t("members.filters")}>
      <SearchFilter label={t("members.search")} {...bind("q")} />
      <SelectFilter
        label={t("members.fields.role")}
        {...bind("role")}
        options={optionsOf(ROLES, (r) => t(`roles.${r}`))}
      />
      <SelectFilter
        label={t("members.fields.status")}
        {...bind("status")}
        options={optionsOf(["active", "deactivated"], (s) => t(`members.status.${s}`))}
      />
    </FilterBar>
  );
}
