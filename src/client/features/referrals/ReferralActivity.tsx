import { Button, Group, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { formatDateTime } from "#client/components/format.ts";
import { ListTable } from "#client/components/ListTable.tsx";
import { ItemsView, QueryView } from "#client/components/QueryView.tsx";
import { referralRoutes } from "#shared/contracts/routes/referrals.ts";

/** The messages between sender and receiver about this referral, oldest first, and a field to write. */
export function ReferralThread({ referralId }: { referralId: string }) {
  const { t } = useTranslation();
  const list = useApiQuery(referralRoutes.messages, { params: { referralId } });
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const send = async () => {
    if (!body.trim()) {
      setError(t("referrals.thread.empty"));
      return;
    }
    setBusy(true);
    try {
      await callApi(referralRoutes.postMessage, { params: { referralId }, body: { body: body.trim() } });
      setBody("");
      setError(undefined);
      list.reload();
    } catch (err) {
      setError(err instanceof ApiError ? (err.fieldErrors().body ?? err.message) : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="referral-thread">
      <Title order={2} size="h3" id="referral-thread" mb="sm">
        {t("referrals.thread.title")}
      </Title>
      <ItemsView query={list} empty={<Text mb="md">{t("referrals.thread.none")}</Text>}>
        {(data) => (
          <Stack gap="sm" mb="md" component="ol" style={{ listStyle: "none", paddingInlineStart: 0 }}>
            {data.items.map((m) => (
              <Paper key={m.id} component="li" withBorder p="sm" radius="sm">
                <Text size="xs" mb={4}>
                  {t("referrals.thread.meta", {
                    name: m.author?.name ?? t("referrals.thread.system"),
                    organisation: m.organisation.name,
                    at: formatDateTime(m.createdAt),
                  })}
                </Text>
                <Text size="sm" dir="auto" style={{ whiteSpace: "pre-line" }}>
                  {m.body}
                </Text>
              </Paper>
            ))}
          </Stack>
        )}
      </ItemsView>
      <Textarea
        label={t("referrals.thread.write")}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        error={error}
        autosize
        minRows={2}
        maxLength={4000}
      />
      <Group justify="flex-end" mt="sm">
        <Button loading={busy} onClick={() => void send()}>
          {t("referrals.thread.send")}
        </Button>
      </Group>
    </Paper>
  );
}

/** Every move of the referral from the event log: which state to which, by which role, when. */
export function ReferralHistory({ referralId }: { referralId: string }) {
  const { t } = useTranslation();
  const list = useApiQuery(referralRoutes.events, { params: { referralId } });
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="referral-history">
      <Title order={2} size="h3" id="referral-history" mb="sm">
        {t("referrals.history.title")}
      </Title>
      <QueryView query={list}>
        {(data) => (
          <ListTable
            columns={[
              {
                header: t("referrals.history.change"),
                cell: (e) =>
                  e.fromState
                    ? t("referrals.history.fromTo", {
                        from: t(`referrals.states.${e.fromState}`),
                        to: t(`referrals.states.${e.toState}`),
                      })
                    : t(`referrals.states.${e.toState}`),
              },
              { header: t("referrals.history.role"), cell: (e) => roleLabel(t, e.actorRole) },
              { header: t("referrals.history.reason"), cell: (e) => reasonLabel(t, e.reason) },
              { header: t("referrals.history.at"), cell: (e) => formatDateTime(e.at) },
            ]}
            rows={data.items}
            empty={t("referrals.history.none")}
            caption={t("referrals.history.caption", { n: data.items.length })}
            minWidth={640}
            highlightOnHover={false}
          />
        )}
      </QueryView>
    </Paper>
  );
}

function roleLabel(t: ReturnType<typeof useTranslation>["t"], role: string | null): string {
  if (!role) return t("referrals.history.system");
  return t(`roles.${role}`, { defaultValue: role });
}

/** Reasons are stored as codes of the structured lists; anything else is shown as written. */
function reasonLabel(t: ReturnType<typeof useTranslation>["t"], reason: string | null): string {
  if (!reason) return "–";
  for (const key of ["declineReasons", "unsuccessfulReasons", "outcomes"] as const) {
    const label = t(`referrals.${key}.${reason}`, { defaultValue: "" });
    if (label) return label;
  }
  return reason;
}
