import { Button, Table, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { Invitation } from "../../../shared/contracts/members.ts";
import { memberRoutes } from "../../../shared/contracts/routes/members.ts";
import { callApi } from "../../api/client.ts";
import { formatDateTime } from "../../components/format.ts";
import { ListTable } from "../../components/ListTable.tsx";
import { notifySuccess } from "../../components/notify.ts";
import { ToneBadge } from "../../components/ToneBadge.tsx";
import { attempt } from "../../forms/actions.ts";

type InvitationItem = z.infer<typeof Invitation>;
type Props = { organisationId: string; invitations: InvitationItem[]; onChanged: () => void };

/** Invitations not yet accepted, with revoke; expired ones are marked so they can be cleaned up. */
export function InvitationsTable({ organisationId, invitations, onChanged }: Props) {
  const { t } = useTranslation();
  const open = invitations.filter((i) => i.usedAt === null);

  const revoke = (inv: InvitationItem) =>
    attempt(async () => {
      await callApi(memberRoutes.revokeInvitation, {
        params: { orgId: organisationId, invitationId: inv.id },
      });
      notifySuccess(t("members.invitations.revoked", { email: inv.email }));
      onChanged();
    });

  const now = Date.now();
  return (
    <ListTable
      headers={[
        t("members.fields.email"),
        t("members.fields.role"),
        t("members.invitations.createdAt"),
        t("members.invitations.expiresAt"),
        <VisuallyHidden key="actions">{t("common.actions")}</VisuallyHidden>,
      ]}
      count={open.length}
      empty={t("members.invitations.empty")}
      minWidth={640}
      highlightOnHover={false}
    >
      {open.map((inv) => (
        <Table.Tr key={inv.id}>
          <Table.Td>{inv.email}</Table.Td>
          <Table.Td>{t(`roles.${inv.role}`)}</Table.Td>
          <Table.Td>{formatDateTime(inv.createdAt)}</Table.Td>
          <Table.Td>
            {formatDateTime(inv.expiresAt)}{" "}
            {Date.parse(inv.expiresAt) < now ? (
              <ToneBadge tone="gray">{t("members.invitations.expired")}</ToneBadge>
            ) : null}
          </Table.Td>
          <Table.Td>
            <Button
              size="xs"
              variant="default"
              color="red"
              onClick={() => void revoke(inv)}
              aria-label={t("members.invitations.revokeNamed", { email: inv.email })}
            >
              {t("members.invitations.revoke")}
            </Button>
          </Table.Td>
        </Table.Tr>
      ))}
    </ListTable>
  );
}
