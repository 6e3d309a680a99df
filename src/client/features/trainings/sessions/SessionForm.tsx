import { Checkbox, Group, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { notifySuccess } from "#client/components/notify.ts";
import { FormActions } from "#client/forms/FormActions.tsx";
import { FormProblem } from "#client/forms/FormProblem.tsx";
import { errorOf, useSubmit } from "#client/forms/use-submit.ts";
import { trainingSessionsRoutes } from "#shared/contracts/routes/trainings-sessions.ts";
import type { CohortDetail } from "#shared/contracts/trainings.ts";
import type { TrainingSession } from "#shared/contracts/trainings-sessions.ts";
import { fromLocal, goalText, localParts } from "./session-time.ts";

type Props = {
  cohort: CohortDetail;
  /** The session to change; null to add one. */
  session: TrainingSession | null;
  onDone: () => void;
  onCancel: () => void;
};

/** Adds or changes a session: day, times, topic, place and the programme's goals it covers. */
export function SessionForm({ cohort, session, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const start = session ? localParts(session.startsAt) : { day: cohort.startsOn, time: "09:00" };
  const end = session ? localParts(session.endsAt) : { day: cohort.startsOn, time: "12:00" };
  const [day, setDay] = useState(start.day);
  const [from, setFrom] = useState(start.time);
  const [until, setUntil] = useState(end.time);
  const [topic, setTopic] = useState(session?.topic ?? "");
  const [place, setPlace] = useState(session?.place ?? cohort.location ?? "");
  const [goals, setGoals] = useState<string[]>(session?.goalIds ?? []);
  const submit = useSubmit();
  const fieldError = (name: string) => errorOf(submit.fields, `body.${name}`);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      startsAt: fromLocal(day, from),
      endsAt: fromLocal(day, until),
      topic,
      goalIds: goals,
      place: place.trim() === "" ? null : place,
    };
    const done = await submit.run(() =>
      session
        ? callApi(
            trainingSessionsRoutes.update,
            { params: { sessionId: session.id }, body },
            { ifMatch: session.version },
          )
        : callApi(trainingSessionsRoutes.create, { params: { cohortId: cohort.id }, body }),
    );
    if (done) {
      notifySuccess(t("trainings.sessions.saved"));
      onDone();
    }
  };

  return (
    <form onSubmit={send} noValidate>
      <Stack>
        <FormProblem error={submit.error} onReload={onDone} />
        <TextInput
          type="date"
          label={t("trainings.sessions.date")}
          value={day}
          min={cohort.startsOn}
          max={cohort.endsOn}
          onChange={(e) => setDay(e.currentTarget.value)}
          error={fieldError("startsAt")}
          required
        />
        <Group grow>
          <TextInput
            type="time"
            label={t("trainings.sessions.from")}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            required
          />
          <TextInput
            type="time"
            label={t("trainings.sessions.until")}
            value={until}
            onChange={(e) => setUntil(e.currentTarget.value)}
            error={fieldError("endsAt")}
            required
          />
        </Group>
        <TextInput
          label={t("trainings.sessions.topic")}
          value={topic}
          onChange={(e) => setTopic(e.currentTarget.value)}
          error={fieldError("topic")}
          required
          dir="auto"
        />
        <TextInput
          label={t("trainings.sessions.place")}
          value={place}
          onChange={(e) => setPlace(e.currentTarget.value)}
          error={fieldError("place")}
          dir="auto"
        />
        {cohort.programme.goals.length > 0 ? (
          <Checkbox.Group
            label={t("trainings.sessions.goals")}
            value={goals}
            onChange={setGoals}
            error={fieldError("goalIds")}
          >
            <Stack gap="xs" mt="xs">
              {cohort.programme.goals.map((g) => (
                <Checkbox key={g.id} value={g.id} label={<bdi>{goalText(g.text)}</bdi>} />
              ))}
            </Stack>
          </Checkbox.Group>
        ) : null}
        {session ? (
          <Text size="sm" c="dimmed">
            {t("trainings.sessions.movedHint")}
          </Text>
        ) : null}
        <FormActions busy={submit.busy} onCancel={onCancel} submitLabel={t("trainings.sessions.form.save")} />
      </Stack>
    </form>
  );
}
