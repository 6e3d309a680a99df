import { Button, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { formatDate } from "#client/components/format.ts";
import { notifySuccess } from "#client/components/notify.ts";
import { FormProblem } from "#client/forms/FormProblem.tsx";
import { useSubmit } from "#client/forms/use-submit.ts";
import { trainingSessionsRoutes } from "#shared/contracts/routes/trainings-sessions.ts";
import type { FeedCreated } from "#shared/contracts/trainings-sessions.ts";
import type { FeedKind } from "#shared/trainings.ts";

/**
 * The caller's subscribable calendar address of a cohort: made on request, shown once to copy,
 * renewed (which revokes the old one) or revoked.
 */
export function FeedCard({ cohortId, kind }: { cohortId: string; kind: FeedKind }) {
  const { t } = useTranslation();
  const feeds = useApiQuery(trainingSessionsRoutes.feeds, { params: { cohortId } });
  const [created, setCreated] = useState<FeedCreated | null>(null);
  const submit = useSubmit();
  const active = feeds.data?.items.find((f) => f.kind === kind) ?? null;
  const titleId = `feed-${kind}-${cohortId}`;

  const create = () =>
    submit.run(async () => {
      setCreated(await callApi(trainingSessionsRoutes.createFeed, { params: { cohortId }, body: { kind } }));
      feeds.reload();
    });
  const revoke = async () => {
    if (!active) return;
    const done = await submit.run(() =>
      callApi(trainingSessionsRoutes.revokeFeed, { params: { feedId: active.id } }),
    );
    if (done) {
      setCreated(null);
      notifySuccess(t("trainings.sessions.feed.revoked"));
      feeds.reload();
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Title order={3} size="h5" id={titleId}>
          {t("trainings.sessions.feed.title")}
        </Title>
        <Text size="sm">
          {t(
            kind === "cohort"
              ? "trainings.sessions.feed.cohortText"
              : "trainings.sessions.feed.participantText",
          )}
        </Text>
        <FormProblem error={submit.error} />
        {created ? (
          <>
            <Group align="flex-end" wrap="nowrap">
              <TextInput
                label={t("trainings.sessions.feed.address")}
                value={created.url}
                readOnly
                dir="ltr"
                style={{ flexGrow: 1 }}
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton value={created.url}>
                {({ copied, copy }) => (
                  <Button variant="light" onClick={copy}>
                    {copied ? t("trainings.sessions.feed.copied") : t("trainings.sessions.feed.copy")}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="sm" c="dimmed" role="status">
              {t("trainings.sessions.feed.shownOnce")}
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {active
              ? t("trainings.sessions.feed.active", { date: formatDate(active.createdAt) })
              : t("trainings.sessions.feed.none")}
          </Text>
        )}
        <Group>
          <Button variant="light" onClick={create} loading={submit.busy}>
            {active ? t("trainings.sessions.feed.renew") : t("trainings.sessions.feed.create")}
          </Button>
          {active ? (
            <Button variant="subtle" color="red" onClick={revoke} disabled={submit.busy}>
              {t("trainings.sessions.feed.revoke")}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
