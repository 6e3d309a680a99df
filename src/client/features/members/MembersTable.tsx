import { Button, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "#client/components/format.ts";
import { ListTable } from "#client/components/ListTable.tsx";
import { StatusBadge } from "#client/components/StatusBadge.tsx";
import type { Member } from "#shared/contracts/members.ts";

type Props = { members: Member[]; total: number; busy: boolean; onEdit: (m: Member) => void };

/** One row per membership; the edit button appears where the server allows the change. */
export function MembersTable({ members, total, busy, onEdit }: Props) {
  const { t } = useTranslation();
  return (
    <ListTable
      columns={[
        { header: t("members.fields.name"), td: { fw: 600 }, cell: (m) => m.name },
        { header: t("members.fields.email"), cell: (m) => m.email },
        { header: t("members.fields.role"), cell: (m) => t(`roles.${m.role}`) },
        { header: t("members.fields.status"), cell: (m) => <StatusBadge kind="member" status={m.status} /> },
        { header: t("members.fields.lastLogin"), cell: (m) => formatDateTime(m.lastLoginAt) },
        {
          header: <VisuallyHidden key="actions">{t("common.actions")}</VisuallyHidden>,
          cell: (m) =>
            m.abilities.update ? (
              <Button
                size="xs"
                variant="default"
                onClick={() => onEdit(m)}
                aria-label={t("members.editNamed", { name: m.name })}
              >
                {t("members.edit")}
              </Button>
            ) : null,
        },
      ]}
      rows={members}
      rowKey={(m) => m.membershipId}
      empty={t("members.empty")}
      caption={t("members.caption", { n: total })}
      minWidth={760}
      busy={busy}
    />
  );
}
