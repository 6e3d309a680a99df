import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { type Column, ListTable } from "#client/components/ListTable.tsx";
import { notifyError, notifySuccess } from "#client/components/notify.ts";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { ToneBadge } from "#client/components/ToneBadge.tsx";
import { ConfirmModal } from "#client/forms/ConfirmModal.tsx";
import { FormModal } from "#client/forms/FormModal.tsx";
import { hasPermission, useRequiredSession } from "#client/session/session-context.ts";
import { trainingRoutes } from "#shared/contracts/routes/trainings.ts";
import type { Participant } from "#shared/contracts/trainings.ts";
import { PARTICIPANT_TONE } from "./labels.ts";
import type { CohortPanelProps } from "./panel.ts";
import { RegisterForm } from "./RegisterForm.tsx";

/**
 * The participants: who takes part, from which organisation and actor group. Those who run the
 * cohort see e-mails and applications; the coordination approves or declines applications; an
 * admin registers and withdraws their own organisation's members.
 */
export function ParticipantsPanel({ cohort, reload }: CohortPanelProps) {
  const { t } = useTranslation();
  const session = useRequiredSession();
  const list = useApiQuery(trainingRoutes.participants, { params: { cohortId: cohort.id } });
  const [registering, setRegistering] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const p = (k: string, o: Record<string, unknown> = {}) => t(`trainings.core.participants.${k}`, o);
  const coordinator = cohort.relation.coordinator;
  const isAdmin = session.active.role === "org_admin" && hasPermission(session, "training.register");
  const open = cohort.status === "planned" || cohort.status === "running";
  const mayRegister = open && (coordinator || (isAdmin && cohort.registrationOpen));
  const [withdrawing, setWithdrawing] = useState<Participant | null>(null);
  const mayWithdraw = (row: Participant) =>
    open &&
    ["enrolled", "waitlisted", "applied"].includes(row.status) &&
    (coordinator ||
      row.id === cohort.relation.participantId ||
      (isAdmin && row.organisationId === session.active.organisationId));

  const act = async (row: Participant, send: () => Promise<unknown>) => {
    setBusy(row.id);
    try {
      await send();
      notifySuccess(p("done"));
      list.reload();
      reload();
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(null);
    }
  };
  const params = (row: Participant) => ({ params: { cohortId: cohort.id, participantId: row.id } });
  const decide = (row: Participant, decision: "approve" | "decline") =>
    act(row, () => callApi(trainingRoutes.decide, { ...params(row), body: { decision } }));

  const items = list.data?.items ?? [];
  const withEmail = items.some((i) => i.email);
  const columns: Column<Participant>[] = [
    { header: p("name"), rowHeader: true, td: { dir: "auto" }, cell: (row) => row.name },
    { header: p("organisation"), td: { dir: "auto" }, cell: (row) => row.organisationName },
    { header: p("organisationType"), cell: (row) => t(`organisationTypes.${row.organisationType}`) },
    { header: p("role"), cell: (row) => t(`trainings.core.roles.${row.role}`) },
    {
      header: p("status"),
      cell: (row) => (
        <ToneBadge tone={PARTICIPANT_TONE[row.status]}>
          {t(`trainings.core.participantStatus.${row.status}`)}
        </ToneBadge>
      ),
    },
  ];
  if (withEmail) columns.push({ header: p("email"), cell: (row) => row.email ?? "" });
  if (coordinator || isAdmin || cohort.relation.participantId) {
    columns.push({
      header: t("common.actions"),
      cell: (row) => (
        <Group gap="xs" wrap="nowrap">
          {coordinator && row.status === "applied" ? (
            <>
              <Button
                size="xs"
                loading={busy === row.id}
                onClick={() => decide(row, "approve")}
                aria-label={p("approveOf", { name: row.name })}
              >
                {p("approve")}
              </Button>
              <Button
                size="xs"
                variant="default"
                loading={busy === row.id}
                onClick={() => decide(row, "decline")}
                aria-label={p("declineOf", { name: row.name })}
              >
                {p("decline")}
              </Button>
            </>
          ) : null}
          {mayWithdraw(row) && row.status !== "applied" ? (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              loading={busy === row.id}
              onClick={() => setWithdrawing(row)}
              aria-label={p("withdrawOf", { name: row.name })}
            >
              {p("withdraw")}
            </Button>
          ) : null}
        </Group>
      ),
    });
  }
  const applications = items.filter((i) => i.status === "applied" && i.motivation);

  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm">
          {list.data
            ? p("free", {
                free: Math.max(0, list.data.capacity - list.data.enrolled),
                capacity: list.data.capacity,
                waitlisted: list.data.waitlisted,
              })
            : null}
        </Text>
        {mayRegister ? <Button onClick={() => setRegistering(true)}>{p("registerHeading")}</Button> : null}
      </Group>
      <ProblemAlert error={list.error} />
      <ListTable
        columns={columns}
        rows={items}
        empty={p("empty")}
        minWidth={820}
        busy={list.loading}
        caption={p("heading")}
      />
      {coordinator && applications.length > 0 ? (
        <section aria-labelledby="applications-heading">
          <Title order={3} size="h4" id="applications-heading" mb="xs">
            {p("applications")}
          </Title>
          {applications.map((a) => (
            <Text key={a.id} size="sm" dir="auto" mb="xs">
              <strong>{a.name}</strong> — {p("motivation")}: {a.motivation}
            </Text>
          ))}
        </section>
      ) : null}
      <ConfirmModal
        item={withdrawing}
        title={p("withdraw")}
        message={(row) => p("withdrawConfirm", { name: row.name })}
        confirmLabel={p("withdraw")}
        busy={busy !== null}
        onClose={() => setWithdrawing(null)}
        onConfirm={(row) =>
          act(row, () => callApi(trainingRoutes.withdraw, params(row))).then(() => setWithdrawing(null))
        }
      />
      <FormModal
        item={registering || null}
        title={p("registerHeading")}
        onClose={() => setRegistering(false)}
      >
        <RegisterForm
          cohortId={cohort.id}
          network={coordinator}
          onClose={() => setRegistering(false)}
          onSaved={() => {
            setRegistering(false);
            list.reload();
            reload();
          }}
        />
      </FormModal>
    </Stack>
  );
}
