import { Alert, Button, Paper, Radio, Stack, Text, Textarea, Title } from "@mantine/core";
import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { formatDate } from "#client/components/format.ts";
import { Loading } from "#client/components/Loading.tsx";
import { PageTitle } from "#client/components/PageTitle.tsx";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { useSubmit } from "#client/forms/use-submit.ts";
import { currentLocale, i18n } from "#client/i18n.ts";
import { trainingEvaluationRoutes } from "#shared/contracts/routes/trainings-evaluations.ts";
import type { EvaluationForm } from "#shared/contracts/trainings-evaluations.ts";
import { EVALUATION_SCALE } from "#shared/trainings.ts";

/**
 * The self-assessment through a personal link, without an account: the programme's learning goals
 * in the link's language (Arabic right to left), each rated 1–5 with an optional comment, sent once.
 */
export function EvaluationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const form = useApiQuery(trainingEvaluationRoutes.form, token ? { params: { token } } : null);
  const locale = form.data?.locale;

  // The page speaks the link's language (and turns right to left for Arabic).
  useEffect(() => {
    if (locale && locale !== currentLocale()) void i18n.changeLanguage(locale);
  }, [locale]);

  let content: ReactNode;
  if (!token) {
    content = (
      <Alert color="red" variant="light" role="alert">
        {t("trainings.evaluations.form.noToken")}
      </Alert>
    );
  } else if (form.error) {
    content = <ProblemAlert error={form.error} />;
  } else if (!form.data) {
    content = <Loading />;
  } else {
    content = <AnswerForm token={token} form={form.data} />;
  }
  return (
    <Paper withBorder shadow="sm" p="xl" radius="md" bg="white">
      <PageTitle>{t("trainings.evaluations.form.title")}</PageTitle>
      {content}
    </Paper>
  );
}

type Answer = { rating: string; comment: string };

function AnswerForm({ token, form }: { token: string; form: EvaluationForm }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const [done, setDone] = useState(false);
  const { error, busy, run } = useSubmit();

  const set = (goalId: string, patch: Partial<Answer>) =>
    setAnswers((a) => ({ ...a, [goalId]: { rating: "", comment: "", ...a[goalId], ...patch } }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const unanswered = form.goals.filter((g) => !answers[g.id]?.rating).map((g) => g.id);
    setMissing(unanswered);
    if (unanswered.length > 0) {
      document.getElementById(`goal-${unanswered[0]}`)?.querySelector("input")?.focus();
      return;
    }
    const ok = await run(() =>
      callApi(trainingEvaluationRoutes.submit, {
        params: { token },
        body: {
          answers: form.goals.map((g) => {
            const a = answers[g.id];
            const comment = a?.comment.trim();
            return { goalId: g.id, rating: Number(a?.rating), ...(comment ? { comment } : {}) };
          }),
        },
      }),
    );
    if (ok) setDone(true);
  };

  if (done) {
    return (
      <Alert color="green" variant="light" role="status" title={t("trainings.evaluations.form.thanks")}>
        {t("trainings.evaluations.form.thanksText")}
      </Alert>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="lg">
        <Text>
          {t(`trainings.evaluations.form.intro_${form.phase}`, {
            programme: form.programmeTitle,
            cohort: form.cohortTitle,
          })}
        </Text>
        <Text size="sm" c="dimmed">
          {t("trainings.evaluations.form.validUntil", { date: formatDate(form.expiresAt) })}
        </Text>
        <ProblemAlert error={error} />
        {form.goals.map((goal) => (
          <Stack key={goal.id} gap="xs" id={`goal-${goal.id}`}>
            <Radio.Group
              label={
                <Title order={2} size="h5" component="span">
                  {goal.position}.{" "}
                  {/* The goals are in the link's language, whatever the page is switched to. */}
                  <span lang={form.locale} dir="auto">
                    {goal.text}
                  </span>
                </Title>
              }
              description={t("trainings.evaluations.form.ratingLabel")}
              value={answers[goal.id]?.rating ?? ""}
              onChange={(rating) => set(goal.id, { rating })}
              error={missing.includes(goal.id) ? t("trainings.evaluations.form.ratingMissing") : undefined}
              required
            >
              <Stack gap={6} mt="xs">
                {EVALUATION_SCALE.map((v) => (
                  <Radio key={v} value={String(v)} label={t(`trainings.evaluations.scale.${v}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <Textarea
              label={t("trainings.evaluations.form.comment")}
              autosize
              minRows={2}
              maxLength={2000}
              value={answers[goal.id]?.comment ?? ""}
              onChange={(e) => set(goal.id, { comment: e.currentTarget.value })}
            />
          </Stack>
        ))}
        <Button type="submit" loading={busy}>
          {t("trainings.evaluations.form.submit")}
        </Button>
      </Stack>
    </form>
  );
}
