import { Button, Table, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Member } from "../../../shared/contracts/members.ts";
import { formatDateTime } from "../../components/format.ts";
import { ListTable } from "../../components/ListTable.tsx";
import { StatusBadge } from "../../components/StatusBadge.tsx";

type Props = { members: Member[]; total: number; busy: boolean; onEdit: (m: Member) => void };

/** One row per membership; the edit button appears where the server allows the change. */
export function MembersTable({ members, total, busy, onEdit }: Props) {
  const { t } = useTranslation();
  return (
    <ListTable
      headers={[
        t("members.fields.name"),
        t("members.fields.email"),
        t("members.fields.role"),
        t("members.fields.status"),
        t("members.fields.lastLogin"),
        <VisuallyHidden key="actions">{t("common.actions")}</VisuallyHidden>,
      ]}
      count={members.length}
      empty={t("members.empty")}
      caption={t("members.caption", { n: total })}
      minWidth={760}
      busy={busy}
    >
      {members.map((m) => (
        <Table.Tr key={m.membershipId}>
          <Table.Td fw={600}>{m.name}</Table.Td>
          <Table.Td>{m.email}</Table.Td>
          <Table.Td>{t(`roles.${m.role}`)}</Table.Td>
          <Table.Td>
            <StatusBadge kind="member" status={m.status} />
          </Table.Td>
          <Table.Td>{formatDateTime(m.lastLoginAt)}</Table.Td>
          <Table.Td>
            {m.abilities.update ? (
              <Button
                size="xs"
                variant="default"
                onClick={() => onEdit(m)}
                aria-label={t("members.editNamed", { name: m.name })}
              >
                {t("members.edit")}
              </Button>
            ) : null}
          </Table.Td>
        </Table.Tr>
      ))}
    </ListTable>
  );
}
