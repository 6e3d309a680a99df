import { Button, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { callApi } from "#client/api/client.ts";
import { formatDateTime } from "#client/components/format.ts";
import { ListTable } from "#client/components/ListTable.tsx";
import { notifySuccess } from "#client/components/notify.ts";
import { ToneBadge } from "#client/components/ToneBadge.tsx";
import { attempt } from "#client/forms/actions.ts";
import type { Invitation } from "#shared/contracts/members.ts";
import { memberRoutes } from "#shared/contracts/routes/members.ts";

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
      columns={[
        { header: t("members.fields.email"), cell: (inv) => inv.email },
        { header: t("members.fields.role"), cell: (inv) => t(`roles.${inv.role}`) },
        { header: t("members.invitations.createdAt"), cell: (inv) => formatDateTime(inv.createdAt) },
        {
          header: t("members.invitations.expiresAt"),
          cell: (inv) => (
            <>
              {formatDateTime(inv.expiresAt)}{" "}
              {Date.parse(inv.expiresAt) < now ? (
                <ToneBadge tone="gray">{t("members.invitations.expired")}</ToneBadge>
              ) : null}
            </>
          ),
        },
        {
          header: <VisuallyHidden key="actions">{t("common.actions")}</VisuallyHidden>,
          cell: (inv) => (
            <Button
              size="xs"
              variant="default"
              color="red"
              onClick={() => void revoke(inv)}
              aria-label={t("members.invitations.revokeNamed", { email: inv.email })}
            >
              {t("members.invitations.revoke")}
            </Button>
          ),
        },
      ]}
      rows={open}
      empty={t("members.invitations.empty")}
      minWidth={640}
      highlightOnHover={false}
    />
  );
}
