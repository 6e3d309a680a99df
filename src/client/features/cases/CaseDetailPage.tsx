import { Anchor, Group, Paper, Tabs, Text } from "@mantine/core";
import type { ComponentType } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { useApiQuery } from "#client/api/use-api.ts";
import { Guarded } from "#client/components/Forbidden.tsx";
import { PageTitle } from "#client/components/PageTitle.tsx";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { ConsentsPanel } from "#client/features/consents/ConsentsPanel.tsx";
import { PrivacyPanel } from "#client/features/privacy/PrivacyPanel.tsx";
import { RecognitionPanel } from "#client/features/recognition/RecognitionPanel.tsx";
import { ReferralsPanel } from "#client/features/referrals/ReferralsPanel.tsx";
import { RecordPending } from "#client/forms/RecordPending.tsx";
import { hasPermission, useRequiredSession } from "#client/session/session-context.ts";
import type { SessionInfo } from "#shared/contracts/auth.ts";
import type { Case } from "#shared/contracts/cases.ts";
import { caseRoutes } from "#shared/contracts/routes/cases.ts";
import { CaseStatusBadge, PhaseBadge } from "./CaseBadges.tsx";
import { ClientPanel } from "./ClientPanel.tsx";
import { ContactsPanel } from "./ContactsPanel.tsx";
import { NextStepsPanel } from "./NextStepsPanel.tsx";
import { NotesPanel } from "./NotesPanel.tsx";
import { OverviewPanel } from "./OverviewPanel.tsx";
import type { CasePanelProps } from "./panel.ts";
import { SpecialDataWarning } from "./SpecialDataWarning.tsx";
import { TimelinePanel } from "./TimelinePanel.tsx";

type Tab = {
  key: string;
  Panel: ComponentType<CasePanelProps>;
  shown?: (c: Case, session: SessionInfo) => boolean;
};

/** The tabs in order; the key is the ?tab= value, so that a tab can be linked (the start page does). */
const TABS: readonly Tab[] = [
  { key: "overview", Panel: OverviewPanel },
  { key: "contacts", Panel: ContactsPanel },
  { key: "notes", Panel: NotesPanel },
  { key: "steps", Panel: NextStepsPanel },
  { key: "timeline", Panel: TimelinePanel },
  { key: "client", Panel: ClientPanel },
  { key: "consents", Panel: ConsentsPanel },
  { key: "recognition", Panel: RecognitionPanel },
  {
    key: "referrals",
    Panel: ReferralsPanel,
    shown: (_c, s) => hasPermission(s, "referral.send") || hasPermission(s, "referral.read"),
  },
  { key: "privacy", Panel: PrivacyPanel, shown: (c) => c.abilities.exportClient || c.abilities.eraseClient },
];

/** One case: who it is about and where it stands, and its documentation in tabs. */
export function CaseDetailPage() {
  return <Guarded permission="case.read">{() => <CaseView />}</Guarded>;
}

function CaseView() {
  const { t } = useTranslation();
  const session = useRequiredSession();
  const { id = "" } = useParams();
  const [search, setSearch] = useSearchParams();
  const query = useApiQuery(caseRoutes.get, { params: { caseId: id } });

  const back = (
    <Anchor component={Link} to="/cases" mb="sm" display="inline-block">
      {t("cases.backToList")}
    </Anchor>
  );
  // A failed reload keeps the case shown: only a case never loaded gives way to the problem.
  if (!query.data) return <RecordPending query={query} title={t("cases.title")} back={back} />;
  const c = query.data;
  const tabs = TABS.filter((tab) => tab.shown?.(c, session) ?? true);
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
      <PageTitle dir="auto">{c.client.name}</PageTitle>
      <Group gap="md" mb="lg" wrap="wrap">
        <Text size="sm">
          {t("cases.fields.pseudonym")}: <span dir="ltr">{c.pseudonym}</span>
        </Text>
        <PhaseBadge phase={c.phase} />
        <CaseStatusBadge status={c.status} />
        <Text size="sm">
          {t("cases.fields.assignee")}: <bdi>{c.assignee?.name ?? t("cases.unassigned")}</bdi>
        </Text>
      </Group>
      <ProblemAlert error={query.error} />
      <SpecialDataWarning caseRecord={c} />
      <Paper withBorder radius="md">
        <Tabs value={active} onChange={select} keepMounted={false}>
          <Tabs.List aria-label={t("cases.tabs.label")}>
            {tabs.map((tab) => (
              <Tabs.Tab key={tab.key} value={tab.key}>
                {t(`cases.tabs.${tab.key}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {tabs.map(({ key, Panel }) => (
            <Tabs.Panel key={key} value={key} p="lg">
              <Panel caseRecord={c} reload={query.reload} />
            </Tabs.Panel>
          ))}
        </Tabs>
      </Paper>
    </>
  );
}
