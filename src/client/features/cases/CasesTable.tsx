import { Anchor, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CaseList } from "../../../shared/contracts/cases.ts";
import { formatDate } from "../../components/format.ts";
import { ListTable } from "../../components/ListTable.tsx";
import { CaseStatusBadge, DueDate, PhaseBadge } from "./CaseBadges.tsx";

type Props = { cases: CaseList["items"]; total: number; busy: boolean };

/** One row per case; the client's name links to the case. */
export function CasesTable({ cases, total, busy }: Props) {
  const { t } = useTranslation();
  return (
    <ListTable
      headers={[
        t("cases.fields.client"),
        t("cases.fields.pseudonym"),
        t("cases.fields.phase"),
        t("cases.fields.status"),
        t("cases.fields.assignee"),
        t("cases.fields.nextDue"),
        t("cases.fields.openedAt"),
      ]}
      count={cases.length}
      empty={t("cases.empty")}
      caption={t("cases.caption", { n: total })}
      minWidth={860}
      busy={busy}
    >
      {cases.map((c) => (
        <Table.Tr key={c.id}>
          <Table.Td fw={600}>
            <Anchor component={Link} to={`/cases/${c.id}`} dir="auto">
              {c.clientName}
            </Anchor>
          </Table.Td>
          <Table.Td>
            <span dir="ltr">{c.pseudonym}</span>
          </Table.Td>
          <Table.Td>
            <PhaseBadge phase={c.phase} />
          </Table.Td>
          <Table.Td>
            <CaseStatusBadge status={c.status} />
          </Table.Td>
          <Table.Td dir="auto">{c.assignee?.name ?? t("cases.unassigned")}</Table.Td>
          <Table.Td>
            <DueDate day={c.nextDue} />
          </Table.Td>
          <Table.Td>{formatDate(c.openedAt)}</Table.Td>
        </Table.Tr>
      ))}
    </ListTable>
  );
}
