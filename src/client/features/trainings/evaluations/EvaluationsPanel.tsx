import { Alert, Button, Group, Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { formatDate } from "#client/components/format.ts";
import { notifySuccess } from "#client/components/notify.ts";
import { Panel } from "#client/components/Panel.tsx";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { QueryView } from "#client/components/QueryView.tsx";
import type { CohortPanelProps } from "#client/features/trainings/panel.ts";
import { useSubmit } from "#client/forms/use-submit.ts";
import { LOCALE_NAMES } from "#client/i18n.ts";
import { trainingEvaluationRoutes } from "#shared/contracts/routes/trainings-evaluations.ts";
import type { EvaluationResults } from "#shared/contracts/trainings-evaluations.ts";
import {
  EVALUATION_LINK_DAYS,
  EVALUATION_LOCALES,
  EVALUATION_PHASES,
  type EvaluationLocale,
} from "#shared/trainings.ts";
import { GoalResult } from "./GoalResult.tsx";

/**
 * The evaluation of a cohort for those who run it: send the personal links of a phase, see how
 * many answered (counts only) and the figures per learning goal. Others learn where it happens.
 */
export function EvaluationsPanel({ cohort }: CohortPanelProps) {
  const { t } = useTranslation();
  if (!cohort.relation.teaches) return <Text>{t("trainings.evaluations.panel.notTeaching")}</Text>;
  return <TeachingView cohortId={cohort.id} />;
}

function TeachingView({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const results = useApiQuery(trainingEvaluationRoutes.results, { params: { cohortId } });
  return (
    <Stack gap="lg">
      <Text size="sm">{t("trainings.evaluations.panel.intro", { days: EVALUATION_LINK_DAYS })}</Text>
      <SendLinks cohortId={cohortId} onSent={results.reload} />
      <QueryView query={results}>{(data) => <Results data={data} />}</QueryView>
    </Stack>
  );
}

function SendLinks({ cohortId, onSent }: { cohortId: string; onSent: () => void }) {
  const { t } = useTranslation();
  const [locale, setLocale] = useState<EvaluationLocale>("de");
  const { error, busy, run } = useSubmit();
  const send = (phase: (typeof EVALUATION_PHASES)[number]) =>
    run(async () => {
      const result = await callApi(trainingEvaluationRoutes.send, {
        params: { cohortId },
        body: { phase, locale },
      });
      notifySuccess(
        t("trainings.evaluations.panel.sent", { sent: result.sent, answered: result.alreadyAnswered }),
      );
      onSent();
    });
  return (
    <Panel title={t("trainings.evaluations.panel.sendTitle")}>
      <Stack gap="sm">
        <ProblemAlert error={error} />
        <Text size="sm" c="dimmed">
          {t("trainings.evaluations.panel.sendHint")}
        </Text>
        <Select
          label={t("trainings.evaluations.panel.fallbackLocale")}
          data={EVALUATION_LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
          value={locale}
          onChange={(v) => v && setLocale(v as EvaluationLocale)}
          allowDeselect={false}
          maw={320}
        />
        <Group>
          {EVALUATION_PHASES.map((phase) => (
            <Button key={phase} loading={busy} onClick={() => void send(phase)} variant="default">
              {t(`trainings.evaluations.panel.send_${phase}`)}
            </Button>
          ))}
        </Group>
      </Stack>
    </Panel>
  );
}

function Results({ data }: { data: EvaluationResults }) {
  const { t } = useTranslation();
  return (
    <>
      <Panel title={t("trainings.evaluations.panel.progressTitle")}>
        <Stack gap="xs">
          {EVALUATION_PHASES.map((phase) => {
            const c = data[phase];
            return (
              <Text key={phase}>
                <strong>{t(`trainings.evaluations.phase.${phase}`)}:</strong>{" "}
                {t("trainings.evaluations.panel.answeredOf", {
                  answered: c.answered,
                  enrolled: data.enrolled,
                })}
                {" · "}
                {c.lastSentAt
                  ? t("trainings.evaluations.panel.linksSent", {
                      sent: c.sent,
                      date: formatDate(c.lastSentAt),
                    })
                  : t("trainings.evaluations.panel.noLinks")}
              </Text>
            );
          })}
          <Alert variant="light" color="blue">
            {t("trainings.evaluations.panel.privacy", { n: data.minAnswers })}
          </Alert>
        </Stack>
      </Panel>
      <Panel title={t("trainings.evaluations.results.title")}>
        {data.goals.length === 0 ? (
          <Text>{t("trainings.evaluations.panel.noGoals")}</Text>
        ) : (
          <Stack gap="xl">
            {data.goals.map((goal) => (
              <GoalResult key={goal.goalId} goal={goal} minAnswers={data.minAnswers} />
            ))}
          </Stack>
        )}
      </Panel>
    </>
  );
}
