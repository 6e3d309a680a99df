import { NativeSelect, SimpleGrid, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Organisation } from "../../../shared/contracts/organisations.ts";
import { useApiQuery } from "../../api/use-api.ts";

/** The areas a reader can narrow the log to; each is a resource prefix of the actions. */
export const AUDIT_AREAS = [
  "auth",
  "member",
  "invitation",
  "organisation",
  "offer",
  "location",
  "interface",
  "case",
  "client",
  "consent",
  "recognition",
  "referral",
  "audit",
] as const;

export type AuditFilterValues = {
  organisationId: string;
  kind: "" | "read" | "write";
  area: string;
  from: string;
  to: string;
};
export const NO_AUDIT_FILTER: AuditFilterValues = {
  organisationId: "",
  kind: "",
  area: "",
  from: "",
  to: "",
};

type Props = {
  value: AuditFilterValues;
  onChange: (v: AuditFilterValues) => void;
  /** The network coordinator reads the whole network and may narrow it to one organisation. */
  networkWide: boolean;
};

/** Filters of the audit log, in words; dates are whole days in local time. */
export function AuditFilters({ value, onChange, networkWide }: Props) {
  const { t } = useTranslation();
  const set = (key: keyof AuditFilterValues) => (e: { currentTarget: { value: string } }) =>
    onChange({ ...value, [key]: e.currentTarget.value });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mb="md" role="search" aria-label={t("audit.filters")}>
      {networkWide ? (
        <OrganisationSelect value={value.organisationId} onChange={set("organisationId")} />
      ) : null}
      <NativeSelect
        label={t("audit.fields.kind")}
        value={value.kind}
        onChange={set("kind")}
        data={[
          { value: "", label: t("audit.kinds.all") },
          { value: "write", label: t("audit.kinds.write") },
          { value: "read", label: t("audit.kinds.read") },
        ]}
      />
      <NativeSelect
        label={t("audit.fields.area")}
        value={value.area}
        onChange={set("area")}
        data={[
          { value: "", label: t("audit.areas.all") },
          ...AUDIT_AREAS.map((a) => ({ value: a, label: t(`audit.areas.${a}`) })),
        ]}
      />
      <TextInput type="date" label={t("audit.fields.from")} value={value.from} onChange={set("from")} />
      <TextInput type="date" label={t("audit.fields.to")} value={value.to} onChange={set("to")} />
    </SimpleGrid>
  );
}

function OrganisationSelect({
  value,
  onChange,
}: {
  value: string;
  onChange: (e: { currentTarget: { value: string } }) => void;
}) {
  const { t } = useTranslation();
  const orgs = useApiQuery<{ items: Organisation[] }>("/api/organisations?limit=200");
  const data = [
    { value: "", label: t("audit.allOrganisations") },
    ...(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })),
  ];
  return (
    <NativeSelect label={t("audit.fields.organisation")} value={value} onChange={onChange} data={data} />
  );
}
