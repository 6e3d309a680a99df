import { NativeSelect, SimpleGrid, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ROLES } from "../../../shared/domain.ts";

export type MemberFilterValues = { q: string; role: string; status: string };
export const NO_MEMBER_FILTER: MemberFilterValues = { q: "", role: "", status: "" };

type Props = { value: MemberFilterValues; onChange: (v: MemberFilterValues) => void };

/** Search by name or e-mail, and filters by role and status. */
export function MemberFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const all = { value: "", label: t("common.all") };
  const set = (key: keyof MemberFilterValues) => (e: { currentTarget: { value: string } }) =>
    onChange({ ...value, [key]: e.currentTarget.value });
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md" role="search" aria-label={t("members.filters")}>
      <TextInput type="search" label={t("members.search")} value={value.q} onChange={set("q")} />
      <NativeSelect
        label={t("members.fields.role")}
        value={value.role}
        onChange={set("role")}
        data={[all, ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))]}
      />
      <NativeSelect
        label={t("members.fields.status")}
        value={value.status}
        onChange={set("status")}
        data={[
          all,
          ...(["active", "deactivated"] as const).map((s) => ({ value: s, label: t(`members.status.${s}`) })),
        ]}
      />
    </SimpleGrid>
  );
}
