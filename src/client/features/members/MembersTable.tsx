import { Button, Table, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Member } from "../../../shared/contracts/members.ts";
import { formatDateTime } from "../../components/format.ts";
import { StatusBadge } from "../../components/StatusBadge.tsx";

type Props = { members: Member[]; total: number; busy: boolean; onEdit: (m: Member) => void };

/** One row per membership; the edit button appears where the server allows the change. */
export function MembersTable({ members, total, busy, onEdit }: Props) {
  const { t } = useTranslation();
  if (members.length === 0) return <Text py="md">{t("members.empty")}</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover aria-busy={busy}>
        <Table.Caption className="visually-hidden">{t("members.caption", { n: total })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("members.fields.name")}</Table.Th>
            <Table.Th>{t("members.fields.email")}</Table.Th>
            <Table.Th>{t("members.fields.role")}</Table.Th>
            <Table.Th>{t("members.fields.status")}</Table.Th>
            <Table.Th>{t("members.fields.lastLogin")}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
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
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
