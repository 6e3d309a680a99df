import { Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useApiQuery } from "#client/api/use-api.ts";
import { Guarded } from "#client/components/Forbidden.tsx";
import { formatDay } from "#client/components/format.ts";
import { type Column, ListTable } from "#client/components/ListTable.tsx";
import { notifySuccess } from "#client/components/notify.ts";
import { PageTitle } from "#client/components/PageTitle.tsx";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { ToneBadge } from "#client/components/ToneBadge.tsx";
import { FormModal } from "#client/forms/FormModal.tsx";
import { hasPermission, useRequiredSession } from "#client/session/session-context.ts";
import { trainingRoutes } from "#shared/contracts/routes/trainings.ts";
import type { Programme } from "#shared/contracts/trainings.ts";
import { CohortForm } from "./CohortForm.tsx";
import { COHORT_TONE, goalText } from "./labels.ts";
import { ProgrammeForm } from "./ProgrammeForm.tsx";
import { RegisterForm } from "./RegisterForm.tsx";

type CohortItem = NonNullable<ReturnType<typeof useCohorts>["data"]>["items"][number];
const useCohorts = () => useApiQuery(trainingRoutes.cohorts, { query: {} });

/** Programmes and cohorts: the coordinator sets them up, admins register members, everyone finds theirs. */
export function TrainingsPage() {
  return <Guarded permission="training.read">{() => <TrainingsView />}</Guarded>;
}

function TrainingsView() {
  const { t, i18n } = useTranslation();
  const session = useRequiredSession();
  const navigate = useNavigate();
  const managesCohorts = hasPermission(session, "training_cohort.manage");
  const managesProgrammes = hasPermission(session, "training_programme.manage");
  const registers = hasPermission(session, "training.register");
  const programmes = useApiQuery(trainingRoutes.programmes);
  const cohorts = useCohorts();
  const [programme, setProgramme] = useState<Programme | "new" | null>(null);
  const [newCohort, setNewCohort] = useState(false);
  const [registerInto, setRegisterInto] = useState<CohortItem | null>(null);
  const c = (k: string, o: Record<string, unknown> = {}) => t(`trainings.core.cohorts.${k}`, o);
  const pr = (k: string, o: Record<string, unknown> = {}) => t(`trainings.core.programmes.${k}`, o);

  const columns: Column<CohortItem>[] = [
    {
      header: c("cohort"),
      rowHeader: true,
      td: { dir: "auto" },
      cell: (row) =>
        row.reachable ? (
          <Anchor component={Link} to={`/trainings/cohorts/${row.id}`}>
            {row.title}
          </Anchor>
        ) : (
          row.title
        ),
    },
    { header: c("programme"), td: { dir: "auto" }, cell: (row) => row.programmeTitle },
    {
      header: c("dates"),
      cell: (row) => c("datesValue", { from: formatDay(row.startsOn), to: formatDay(row.endsOn) }),
    },
    { header: c("place"), td: { dir: "auto" }, cell: (row) => (row.online ? c("online") : row.location) },
    {
      header: c("places"),
      cell: (row) => (
        <Stack gap={0}>
          <Text size="sm">{c("placesValue", { enrolled: row.enrolled, capacity: row.capacity })}</Text>
          {row.waitlisted > 0 ? (
            <Text size="xs">{c("waitlistedValue", { count: row.waitlisted })}</Text>
          ) : null}
          {row.applications > 0 ? (
            <ToneBadge tone="yellow">{c("applicationsValue", { count: row.applications })}</ToneBadge>
          ) : null}
        </Stack>
      ),
    },
    {
      header: c("status"),
      cell: (row) => (
        <ToneBadge tone={COHORT_TONE[row.status]}>{t(`trainings.core.status.${row.status}`)}</ToneBadge>
      ),
    },
  ];
  if (registers) {
    columns.push({
      header: t("common.actions"),
      cell: (row) =>
        row.registrationOpen && (row.status === "planned" || row.status === "running") ? (
          <Button
            size="xs"
            variant="light"
            onClick={() => setRegisterInto(row)}
            aria-label={`${c("registerMembers")}: ${row.title}`}
          >
            {c("registerMembers")}
          </Button>
        ) : null,
    });
  }

  return (
    <>
      <PageTitle>{t("trainings.nav")}</PageTitle>
      <Anchor component={Link} to="/trainings/mine" mb="md" display="inline-block">
        {t("trainings.mineNav")}
      </Anchor>
      <ProblemAlert error={cohorts.error ?? programmes.error} />
      <Stack gap="xl">
        <section aria-labelledby="cohorts-heading">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h3" id="cohorts-heading">
              {c("heading")}
            </Title>
            {managesCohorts ? <Button onClick={() => setNewCohort(true)}>{c("new")}</Button> : null}
          </Group>
          <ListTable
            columns={columns}
            rows={cohorts.data?.items ?? []}
            empty={c("empty")}
            minWidth={760}
            busy={cohorts.loading}
          />
        </section>
        <section aria-labelledby="programmes-heading">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h3" id="programmes-heading">
              {pr("heading")}
            </Title>
            {managesProgrammes ? (
              <Button variant="light" onClick={() => setProgramme("new")}>
                {pr("new")}
              </Button>
            ) : null}
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {(programmes.data?.items ?? []).map((p) => (
              <Paper
                key={p.id}
                withBorder
                p="md"
                radius="md"
                component="article"
                aria-labelledby={`programme-${p.id}`}
              >
                <Title order={3} size="h4" id={`programme-${p.id}`} dir="auto">
                  {p.title}
                </Title>
                <Text size="sm" mt={4}>
                  {pr("format", { hours: p.hours, modules: p.modules })} ·{" "}
                  {pr("rule", { percent: p.minAttendancePercent })}
                </Text>
                {p.targetGroups ? (
                  <Text size="sm" mt={4} dir="auto">
                    {pr("targetGroups")}: {p.targetGroups}
                  </Text>
                ) : null}
                <Text size="sm" fw={600} mt="sm">
                  {pr("goals")}
                </Text>
                <List size="sm" type="ordered">
                  {p.goals.map((g) => (
                    <List.Item key={g.id}>
                      <span dir="auto">{goalText(g.text, i18n.language)}</span>
                    </List.Item>
                  ))}
                </List>
                {managesProgrammes ? (
                  <Group justify="flex-end" mt="sm">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setProgramme(p)}
                      aria-label={`${pr("edit")}: ${p.title}`}
                    >
                      {pr("edit")}
                    </Button>
                  </Group>
                ) : null}
              </Paper>
            ))}
          </SimpleGrid>
        </section>
      </Stack>
      <FormModal item={newCohort || null} title={c("new")} onClose={() => setNewCohort(false)} size="lg">
        <CohortForm
          item={null}
          programmes={programmes.data?.items ?? []}
          onClose={() => setNewCohort(false)}
          onSaved={(cohort) => {
            notifySuccess(c("saved"));
            navigate(`/trainings/cohorts/${cohort.id}`);
          }}
        />
      </FormModal>
      <FormModal
        item={programme}
        title={programme === "new" ? pr("new") : pr("edit")}
        onClose={() => setProgramme(null)}
        size="lg"
      >
        <ProgrammeForm
          item={programme === "new" ? null : programme}
          onClose={() => setProgramme(null)}
          onSaved={() => {
            notifySuccess(pr("saved"));
            setProgramme(null);
            programmes.reload();
          }}
        />
      </FormModal>
      <FormModal
        item={registerInto}
        title={`${c("registerMembers")}: ${registerInto?.title ?? ""}`}
        onClose={() => setRegisterInto(null)}
      >
        {registerInto ? (
          <RegisterForm
            cohortId={registerInto.id}
            network={managesCohorts}
            onClose={() => setRegisterInto(null)}
            onSaved={() => {
              setRegisterInto(null);
              cohorts.reload();
            }}
          />
        ) : null}
      </FormModal>
    </>
  );
}
