import { Divider, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { notifySuccess } from "#client/components/notify.ts";
import { Pager } from "#client/components/Pager.tsx";
import { QueryView } from "#client/components/QueryView.tsx";
import type { CohortPanelProps } from "#client/features/trainings/panel.ts";
import { trainingExchangeRoutes as routes } from "#shared/contracts/routes/trainings-exchange.ts";
import { Materials } from "./Materials.tsx";
import { ThreadCard } from "./PostCard.tsx";
import { PostForm } from "./PostForm.tsx";

const LIMIT = 10;

/** The cohort's exchange space: the thread of posts and the shared materials (members only). */
export function ExchangePanel({ cohort }: CohortPanelProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <Text size="sm" c="dimmed">
        {t("trainings.exchange.intro")}
      </Text>
      <Thread cohortId={cohort.id} />
      <Divider />
      <Materials cohortId={cohort.id} />
    </Stack>
  );
}

function Thread({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const thread = useApiQuery(routes.thread, { params: { cohortId }, query: { limit: LIMIT, offset } });
  return (
    <Stack component="section" aria-labelledby="exchange-thread" gap="md">
      <Title order={2} size="h3" id="exchange-thread" tabIndex={-1}>
        {t("trainings.exchange.threadHeading")}
      </Title>
      <PostForm
        label={t("trainings.exchange.newPost")}
        submitLabel={t("trainings.exchange.submitPost")}
        onSubmit={async (body) => {
          await callApi(routes.createPost, { params: { cohortId }, body: { body } });
          notifySuccess(t("trainings.exchange.posted"));
          setOffset(0);
          thread.reload();
        }}
      />
      <QueryView query={thread}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t("trainings.exchange.empty")}</Text>
          ) : (
            <>
              <Stack gap="md">
                {data.items.map((item) => (
                  <ThreadCard key={item.id} cohortId={cohortId} thread={item} onChanged={thread.reload} />
                ))}
              </Stack>
              <Pager total={data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
            </>
          )
        }
      </QueryView>
    </Stack>
  );
}
