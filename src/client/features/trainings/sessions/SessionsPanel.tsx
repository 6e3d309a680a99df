import { Badge, Button, Group, Stack, Table, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { formatDay } from "#client/components/format.ts";
import { notifySuccess } from "#client/components/notify.ts";
import { QueryView } from "#client/components/QueryView.tsx";
import { ToneBadge } from "#client/components/ToneBadge.tsx";
import type { CohortPanelProps } from "#client/features/trainings/panel.ts";
import { FormActions } from "#client/forms/FormActions.tsx";
import { FormModal } from "#client/forms/FormModal.tsx";
import { FormProblem } from "#client/forms/FormProblem.tsx";
import { useSubmit } from "#client/forms/use-submit.ts";
import { trainingSessionsRoutes } from "#shared/contracts/routes/trainings-sessions.ts";
import type { TrainingSession } from "#shared/contracts/trainings-sessions.ts";
import { FeedCard } from "./FeedCard.tsx";
import { SessionForm } from "./SessionForm.tsx";
import { goalText, sessionSpan } from "./session-time.ts";

const TONE = { planned: "blue", held: "green", cancelled: "gray" } as const;

/** The cohort's sessions: those who teach add, change and cancel them; everyone may subscribe. */
export function SessionsPanel({ cohort }: CohortPanelProps) {
  const { t } = useTranslation();
  const sessions = useApiQuery(trainingSessionsRoutes.list, { params: { cohortId: cohort.id } });
  const [editing, setEditing] = useState<TrainingSession | "new" | null>(null);
  const [cancelling, setCancelling] = useState<TrainingSession | null>(null);
  const teaches = cohort.relation.teaches;
  const goals = new Map(cohort.programme.goals.map((g) => [g.id, goalText(g.text)]));
  const done = () => {
    setEditing(null);
    setCancelling(null);
    sessions.reload();
  };

  return (
    <Stack>
      {teaches ? (
        <Group>
          <Button onClick={() => setEditing("new")}>{t("trainings.sessions.add")}</Button>
        </Group>
      ) : null}
      <QueryView query={sessions}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t("trainings.sessions.empty")}</Text>
          ) : (
            <Table.ScrollContainer
              minWidth={720}
              scrollAreaProps={{
                viewportProps: { tabIndex: 0, role: "group", "aria-label": t("trainings.sessions.title") },
              }}
            >
              <Table striped>
                <Table.Caption className="visually-hidden">
                  {t("trainings.sessions.caption", {
                    from: formatDay(cohort.startsOn),
                    to: formatDay(cohort.endsOn),
                  })}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("trainings.sessions.when")}</Table.Th>
                    <Table.Th scope="col">{t("trainings.sessions.topic")}</Table.Th>
                    <Table.Th scope="col">{t("trainings.sessions.place")}</Table.Th>
                    <Table.Th scope="col">{t("trainings.sessions.status")}</Table.Th>
                    {teaches ? <Table.Th scope="col">{t("trainings.sessions.actions")}</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Th scope="row" fw={600}>
                        <span
                          style={s.status === "cancelled" ? { textDecoration: "line-through" } : undefined}
                        >
                          {sessionSpan(s.startsAt, s.endsAt)}
                        </span>
                      </Table.Th>
                      <Table.Td dir="auto">
                        <Text size="sm" fw={500}>
                          {s.topic}
                        </Text>
                        {s.goalIds.length > 0 ? (
                          <Group gap={4} mt={4}>
                            {s.goalIds.map((id) => (
                              <Badge
                                key={id}
                                variant="light"
                                color="gray"
                                size="sm"
                                style={{ textTransform: "none", color: "#343a40" }}
                              >
                                <bdi>{goals.get(id) ?? "–"}</bdi>
                              </Badge>
                            ))}
                          </Group>
                        ) : null}
                      </Table.Td>
                      <Table.Td dir="auto">{s.place ?? cohort.location ?? "–"}</Table.Td>
                      <Table.Td>
                        <ToneBadge tone={TONE[s.status]}>
                          {t(`trainings.sessions.statuses.${s.status}`)}
                        </ToneBadge>
                        {teaches && s.status !== "cancelled" && new Date(s.startsAt) <= new Date() ? (
                          <Text size="xs" mt={4}>
                            {t("trainings.sessions.recorded", { n: s.recorded, total: cohort.enrolled })}
                          </Text>
                        ) : null}
                      </Table.Td>
                      {teaches ? (
                        <Table.Td>
                          {s.status === "cancelled" ? null : (
                            <Group gap="xs" wrap="nowrap">
                              <Button
                                size="xs"
                                variant="light"
                                onClick={() => setEditing(s)}
                                aria-label={`${t("trainings.sessions.edit")}: ${s.topic}`}
                              >
                                {t("trainings.sessions.edit")}
                              </Button>
                              <Button
                                size="xs"
                                variant="subtle"
                                color="red"
                                onClick={() => setCancelling(s)}
                                aria-label={`${t("trainings.sessions.cancel")}: ${s.topic}`}
                              >
                                {t("trainings.sessions.cancel")}
                              </Button>
                            </Group>
                          )}
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryView>
      {teaches ? <FeedCard cohortId={cohort.id} kind="cohort" /> : null}
      {cohort.relation.participantId ? <FeedCard cohortId={cohort.id} kind="participant" /> : null}
      <FormModal
        item={editing}
        onClose={() => setEditing(null)}
        title={editing === "new" ? t("trainings.sessions.add") : t("trainings.sessions.editTitle")}
      >
        <SessionForm
          cohort={cohort}
          session={editing === "new" ? null : editing}
          onDone={done}
          onCancel={() => setEditing(null)}
        />
      </FormModal>
      <FormModal
        item={cancelling}
        onClose={() => setCancelling(null)}
        title={t("trainings.sessions.cancelTitle")}
      >
        {cancelling ? (
          <CancelForm session={cancelling} onDone={done} onCancel={() => setCancelling(null)} />
        ) : null}
      </FormModal>
    </Stack>
  );
}

function CancelForm({
  session,
  onDone,
  onCancel,
}: {
  session: TrainingSession;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState("");
  const submit = useSubmit();
  const send = async () => {
    const ok = await submit.run(() =>
      callApi(
        trainingSessionsRoutes.cancel,
        { params: { sessionId: session.id }, body: note.trim() ? { note } : {} },
        { ifMatch: session.version },
      ),
    );
    if (ok) {
      notifySuccess(t("trainings.sessions.cancelled"));
      onDone();
    }
  };
  return (
    <Stack>
      <FormProblem error={submit.error} onReload={onDone} />
      <Text>
        <bdi>{session.topic}</bdi> – {sessionSpan(session.startsAt, session.endsAt)}
      </Text>
      <Text size="sm">{t("trainings.sessions.cancelText")}</Text>
      <Textarea
        label={t("trainings.sessions.cancelNote")}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={2}
        dir="auto"
      />
      <FormActions
        busy={false}
        onCancel={onCancel}
        submit={
          <Button color="red" loading={submit.busy} onClick={send}>
            {t("trainings.sessions.cancel")}
          </Button>
        }
      />
    </Stack>
  );
}
