import { useTranslation } from "react-i18next";
import { useApiQuery } from "#client/api/use-api.ts";
import { DateFilter, FilterBar, filterBinder, optionsOf, SelectFilter } from "#client/forms/list.tsx";
import { organisationRoutes } from "#shared/contracts/routes/organisations.ts";

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
  "competence_profile",
  "competence_share",
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
  const bind = filterBinder(value, onChange);
  return (
    <FilterBar cols={{ base: 1, sm: 2, md: 3 }} label={t("audit.filters")}>
      {networkWide ? <OrganisationSelect {...bind("organisationId")} /> : null}
      <SelectFilter
        label={t("audit.fields.kind")}
        {...bind("kind")}
        allLabel={t("audit.kinds.all")}
        options={optionsOf(["write", "read"], (k) => t(`audit.kinds.${k}`))}
      />
      <SelectFilter
        label={t("audit.fields.area")}
        {...bind("area")}
        allLabel={t("audit.areas.all")}
        options={optionsOf(AUDIT_AREAS, (a) => t(`audit.areas.${a}`))}
      />
      <DateFilter label={t("audit.fields.from")} {...bind("from")} />
      <DateFilter label={t("audit.fields.to")} {...bind("to")} />
    </FilterBar>
  );
}

function OrganisationSelect({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const orgs = useApiQuery(organisationRoutes.list, { query: { limit: 200 } });
  return (
    <SelectFilter
      label={t("audit.fields.organisation")}
      value={value}
      onChange={onChange}
      allLabel={t("audit.allOrganisations")}
      options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
    />
  );
}
