import { Anchor, Group, Paper, Tabs, Text } from "@mantine/core";
import type { ComponentType } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { useApiQuery } from "#client/api/use-api.ts";
import { Guarded } from "#client/components/Forbidden.tsx";
import { PageTitle } from "#client/components/PageTitle.tsx";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { RecordPending } from "#client/forms/RecordPending.tsx";
import { trainingRoutes } from "#shared/contracts/routes/trainings.ts";
import type { CohortDetail } from "#shared/contracts/trainings.ts";
import { CertificatesPanel } from "./certificates/CertificatesPanel.tsx";
import { EvaluationsPanel } from "./evaluations/EvaluationsPanel.tsx";
import { ExchangePanel } from "./exchange/ExchangePanel.tsx";
import { NetworkEffectPanel } from "./network/NetworkEffectPanel.tsx";
import { OverviewPanel } from "./OverviewPanel.tsx";
import { ParticipantsPanel } from "./ParticipantsPanel.tsx";
import type { CohortPanelProps } from "./panel.ts";
import { AttendancePanel } from "./sessions/AttendancePanel.tsx";
import { SessionsPanel } from "./sessions/SessionsPanel.tsx";

type Tab = { key: string; Panel: ComponentType<CohortPanelProps>; shown?: (c: CohortDetail) => boolean };

const member = (c: CohortDetail) => c.relation.teaches || c.relation.participantId !== null;

/** The tabs in order; the key is the ?tab= value, so that a tab can be linked (start pages do). */
const TABS: readonly Tab[] = [
  { key: "overview", Panel: OverviewPanel },
  { key: "participants", Panel: ParticipantsPanel },
  { key: "sessions", Panel: SessionsPanel },
  { key: "attendance", Panel: AttendancePanel },
  { key: "evaluations", Panel: EvaluationsPanel, shown: (c) => c.relation.teaches },
  { key: "certificates", Panel: CertificatesPanel },
  { key: "exchange", Panel: ExchangePanel, shown: member },
  { key: "network", Panel: NetworkEffectPanel, shown: (c) => c.relation.teaches },
];

/** One cohort of a training programme: its participants, sessions, attendance and what follows. */
export function CohortPage() {
  return <Guarded permission="training.read">{() => <CohortView />}</Guarded>;
}

function CohortView() {
  const { t } = useTranslation();
  const { cohortId = "" } = useParams();
  const [search, setSearch] = useSearchParams();
  const query = useApiQuery(trainingRoutes.cohort, { params: { cohortId } });
  const back = (
    <Anchor component={Link} to="/trainings" mb="sm" display="inline-block">
      {t("trainings.backToList")}
    </Anchor>
  );
  if (!query.data) return <RecordPending query={query} title={t("trainings.cohort.title")} back={back} />;
  const c = query.data;
  const tabs = TABS.filter((tab) => tab.shown?.(c) ?? true);
  const requested = search.get("tab");
  const active = tabs.some((tab) => tab.key === requested) ? (requested as string) : "overview";
  const select = (value: string | null) =>
    setSearch(
      (prev) => {
        const params = new URLSearchParams(prev);
        params.set("tab", value ?? "overview");
        return params;
      },
      { replace: true },
    );

  return (
    <>
      {back}
      <PageTitle dir="auto">{c.title}</PageTitle>
      <Group gap="md" mb="lg" wrap="wrap">
        <Text size="sm">
          <bdi>{c.programmeTitle}</bdi>
        </Text>
      </Group>
      <ProblemAlert error={query.error} />
      <Paper withBorder radius="md">
        <Tabs value={active} onChange={select} keepMounted={false}>
          <Tabs.List aria-label={t("trainings.tabs.label")}>
            {tabs.map((tab) => (
              <Tabs.Tab key={tab.key} value={tab.key}>
                {t(`trainings.tabs.${tab.key}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {tabs.map(({ key, Panel }) => (
            <Tabs.Panel key={key} value={key} p="lg">
              <Panel cohort={c} reload={query.reload} />
            </Tabs.Panel>
          ))}
        </Tabs>
      </Paper>
    </>
  );
}
