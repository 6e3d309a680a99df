import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "#client/components/format.ts";
import { ListTable } from "#client/components/ListTable.tsx";
import type { CaseList } from "#shared/contracts/cases.ts";
import { CaseStatusBadge, DueDate, PhaseBadge } from "./CaseBadges.tsx";

type Props = { cases: CaseList["items"]; total: number; busy: boolean };

/** One row per case; the client's name links to the case. */
export function CasesTable({ cases, total, busy }: Props) {
  const { t } = useTranslation();
  return (
    <ListTable
      columns={[
        {
          header: t("cases.fields.client"),
          td: { fw: 600 },
          cell: (c) => (
            <Anchor component={Link} to={`/cases/${c.id}`} dir="auto">
              {c.clientName}
            </Anchor>
          ),
        },
        { header: t("cases.fields.pseudonym"), cell: (c) => <span dir="ltr">{c.pseudonym}</span> },
        { header: t("cases.fields.phase"), cell: (c) => <PhaseBadge phase={c.phase} /> },
        { header: t("cases.fields.status"), cell: (c) => <CaseStatusBadge status={c.status} /> },
        {
          header: t("cases.fields.assignee"),
          td: { dir: "auto" },
          cell: (c) => c.assignee?.name ?? t("cases.unassigned"),
        },
        { header: t("cases.fields.nextDue"), cell: (c) => <DueDate day={c.nextDue} /> },
        { header: t("cases.fields.openedAt"), cell: (c) => formatDate(c.openedAt) },
      ]}
      rows={cases}
      empty={t("cases.empty")}
      caption={t("cases.caption", { n: total })}
      minWidth={860}
      busy={busy}
    />
  );
}
