import { Button, Group, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { formatDateTime } from "#client/components/format.ts";
import { notifySuccess } from "#client/components/notify.ts";
import { ItemsView } from "#client/components/QueryView.tsx";
import { ToneBadge } from "#client/components/ToneBadge.tsx";
import { useAction } from "#client/forms/actions.ts";
import { ConfirmModal } from "#client/forms/ConfirmModal.tsx";
import type { Profile } from "#shared/contracts/competences.ts";
import type { ResponseOf } from "#shared/contracts/route.ts";
import { competenceRoutes } from "#shared/contracts/routes/competences.ts";
import { ShareModal } from "./ShareModal.tsx";

type Share = ResponseOf<typeof competenceRoutes.shares>["items"][number];

/** Who the profile was shared with (snapshot of which sections), and ending a share. */
export function SharesPanel({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const shares = useApiQuery(competenceRoutes.shares, { params: { profileId: profile.id } });
  const [sharing, setSharing] = useState(false);
  const [ending, setEnding] = useState<Share | null>(null);
  const { busy, act } = useAction();
  const end = (s: Share) =>
    act(
      async () => {
        await callApi(competenceRoutes.revokeShare, { params: { shareId: s.id } });
        notifySuccess(t("competenceProfile.shares.ended"));
      },
      () => {
        setEnding(null);
        shares.reload();
      },
    );
  return (
    <section aria-labelledby="shares-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="shares-heading">
          {t("competenceProfile.shares.title")}
        </Title>
        <Button onClick={() => setSharing(true)}>{t("competenceProfile.shares.share")}</Button>
      </Group>
      <ItemsView query={shares} empty={<Text>{t("competenceProfile.shares.none")}</Text>}>
        {(data) => (
          <Table.ScrollContainer minWidth={700}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("competenceProfile.shares.recipient")}</Table.Th>
                  <Table.Th>{t("competenceProfile.shares.sections")}</Table.Th>
                  <Table.Th>{t("competenceProfile.shares.sharedAt")}</Table.Th>
                  <Table.Th>{t("competenceProfile.shares.state")}</Table.Th>
                  <Table.Th>{t("competenceProfile.shares.actions")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <bdi>{s.recipientOrganisationName}</bdi>
                      {s.recipientUserName ? (
                        <Text size="xs">
                          <bdi>{s.recipientUserName}</bdi>
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {s.sections.map((x) => t(`competenceProfile.sections.${x}`)).join(", ")}
                    </Table.Td>
                    <Table.Td>
                      {formatDateTime(s.sharedAt)}
                      {s.sharedByName ? (
                        <Text size="xs">
                          <bdi>{s.sharedByName}</bdi>
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {s.endedAt ? (
                        <ToneBadge tone="gray">
                          {t(`competenceProfile.shares.endReasons.${s.endReason ?? "revoked"}`)}
                        </ToneBadge>
                      ) : (
                        <ToneBadge tone="green">{t("competenceProfile.shares.active")}</ToneBadge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {s.endedAt ? null : (
                        <Button size="xs" variant="default" color="red" onClick={() => setEnding(s)}>
                          {t("competenceProfile.shares.endNamed", { name: s.recipientOrganisationName })}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ItemsView>
      <ShareModal
        profile={profile}
        opened={sharing}
        onClose={() => setSharing(false)}
        onShared={() => {
          setSharing(false);
          shares.reload();
        }}
      />
      <ConfirmModal
        item={ending}
        title={t("competenceProfile.shares.endTitle")}
        message={(s) => t("competenceProfile.shares.endQuestion", { name: s.recipientOrganisationName })}
        confirmLabel={t("competenceProfile.shares.end")}
        busy={busy}
        onConfirm={end}
        onClose={() => setEnding(null)}
      />
    </section>
  );
}
