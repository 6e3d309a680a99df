import { Alert, Anchor, Button, Group, Paper, Tabs, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { Guarded } from "#client/components/Forbidden.tsx";
import { formatDateTime } from "#client/components/format.ts";
import { PageTitle } from "#client/components/PageTitle.tsx";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { DiscardedInput, type UnsavedItem } from "#client/components/StaleVersionAlert.tsx";
import { RecordPending } from "#client/forms/RecordPending.tsx";
import { useSubmit } from "#client/forms/use-submit.ts";
import { hasPermission } from "#client/session/session-context.ts";
import { PROFILE_SECTIONS } from "#shared/competences.ts";
import type { SessionInfo } from "#shared/contracts/auth.ts";
import type { Profile } from "#shared/contracts/competences.ts";
import { clientRoutes } from "#shared/contracts/routes/clients.ts";
import { competenceRoutes } from "#shared/contracts/routes/competences.ts";
import { OutputsPanel } from "./OutputsPanel.tsx";
import { ProfileEditor } from "./ProfileEditor.tsx";
import { SectionsView } from "./SectionsView.tsx";
import { SharesPanel } from "./SharesPanel.tsx";
import { VersionsPanel } from "./VersionsPanel.tsx";

/** The competence documentation of one client: /clients/:clientId/competences (?case= the case it serves). */
export function CompetenceProfilePage() {
  return <Guarded permission="competence.read">{(session) => <ProfileLoader session={session} />}</Guarded>;
}

function StartProfile({
  clientId,
  caseId,
  onStarted,
}: {
  clientId: string;
  caseId: string | null;
  onStarted: () => void;
}) {
  const { t } = useTranslation();
  const { busy, error, run } = useSubmit();
  const start = async () => {
    if (await run(() => callApi(competenceRoutes.create, { params: { clientId }, body: { caseId } })))
      onStarted();
  };
  return (
    <Paper withBorder p="lg" radius="md">
      <ProblemAlert error={error} />
      <Text mb="md">{t("competenceProfile.start.text")}</Text>
      <Button onClick={start} loading={busy}>
        {t("competenceProfile.start.button")}
      </Button>
    </Paper>
  );
}

function ProfileLoader({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const { clientId = "" } = useParams();
  const [search] = useSearchParams();
  const client = useApiQuery(clientRoutes.get, { params: { clientId } });
  const profile = useApiQuery(competenceRoutes.ofClient, { params: { clientId } });
  const [discarded, setDiscarded] = useState<UnsavedItem[]>([]);
  const canManage = hasPermission(session, "competence.manage");
  const caseId = search.get("case") ?? profile.data?.caseId ?? null;
  const name = client.data?.name;
  const title = name ? t("competenceProfile.titleOf", { name }) : t("competenceProfile.title");
  const back = caseId ? (
    <Anchor component={Link} to={`/cases/${caseId}`} mb="sm" display="inline-block">
      {t("competenceProfile.backToCase")}
    </Anchor>
  ) : null;

  if (!profile.data) {
    if (profile.error?.status === 404) {
      return (
        <>
          {back}
          <PageTitle dir="auto">{title}</PageTitle>
          {canManage ? (
            <StartProfile clientId={clientId} caseId={caseId} onStarted={profile.reload} />
          ) : (
            <Text>{t("competenceProfile.start.none")}</Text>
          )}
        </>
      );
    }
    return <RecordPending query={profile} title={t("competenceProfile.title")} back={back} />;
  }
  const p = profile.data;
  const reload = (unsaved: UnsavedItem[]) => {
    setDiscarded(unsaved);
    profile.reload();
  };
  return (
    <>
      {back}
      <PageTitle dir="auto">{title}</PageTitle>
      <Group gap="md" mb="md" wrap="wrap">
        <Text size="sm">{t("competenceProfile.versionLine", { version: p.version })}</Text>
        <Text size="sm">
          {t("competenceProfile.updatedLine", { at: formatDateTime(p.updatedAt) })}
          {p.updatedByName ? (
            <>
              {" · "}
              <bdi>{p.updatedByName}</bdi>
            </>
          ) : null}
        </Text>
      </Group>
      {p.withheldSpecial ? (
        <Alert color="blue" variant="light" mb="md" title={t("competenceProfile.withheld.title")}>
          {t("competenceProfile.withheld.text")}
        </Alert>
      ) : null}
      <ProblemAlert error={profile.error} />
      <DiscardedInput items={discarded} onDismiss={() => setDiscarded([])} />
      <ProfileBody
        // After a save or a reload the draft starts from the current version.
        key={p.version}
        profile={p}
        session={session}
        clientLanguages={client.data?.preferredLanguages ?? []}
        reload={reload}
      />
    </>
  );
}

function ProfileBody({
  profile,
  session,
  clientLanguages,
  reload,
}: {
  profile: Profile;
  session: SessionInfo;
  clientLanguages: string[];
  reload: (unsaved: UnsavedItem[]) => void;
}) {
  const { t } = useTranslation();
  const extraTabs = [
    { key: "versions", panel: <VersionsPanel profile={profile} /> },
    { key: "outputs", panel: <OutputsPanel profile={profile} clientLanguages={clientLanguages} /> },
    ...(hasPermission(session, "competence.share")
      ? [{ key: "shares", panel: <SharesPanel profile={profile} /> }]
      : []),
  ];
  if (hasPermission(session, "competence.manage")) {
    return <ProfileEditor profile={profile} extraTabs={extraTabs} reload={reload} />;
  }
  // Read only (volunteers): the document in one view, no edit controls.
  return (
    <Paper withBorder radius="md">
      <Tabs defaultValue="view" keepMounted={false}>
        <Tabs.List aria-label={t("competenceProfile.tabs.label")}>
          <Tabs.Tab value="view">{t("competenceProfile.tabs.view")}</Tabs.Tab>
          {extraTabs.map((x) => (
            <Tabs.Tab key={x.key} value={x.key}>
              {t(`competenceProfile.tabs.${x.key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="view" p="lg">
          <SectionsView
            content={profile.content}
            sections={PROFILE_SECTIONS}
            labels={profile.labels}
            qualifications={profile.qualifications}
          />
        </Tabs.Panel>
        {extraTabs.map((x) => (
          <Tabs.Panel key={x.key} value={x.key} p="lg">
            {x.panel}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Paper>
  );
}
