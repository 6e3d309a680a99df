import { Button, DataList, Group, Stack, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DataRow } from "#client/components/DataRow.tsx";
import { formatDateTime } from "#client/components/format.ts";
import { DiscardedInput, type UnsavedItem } from "#client/components/StaleVersionAlert.tsx";
import { CompetenceCard } from "#client/features/competences/CompetenceCard.tsx";
import { CaseStatusBadge } from "./CaseBadges.tsx";
import { CaseEditForm } from "./CaseEditForm.tsx";
import { PhasePicture } from "./PhasePicture.tsx";
import type { CasePanelProps } from "./panel.ts";

/** Where the case stands: status, phase in the IQ process chain, goals, who looks after it. */
export function OverviewPanel({ caseRecord: c, reload }: CasePanelProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [discarded, setDiscarded] = useState<UnsavedItem[]>([]);
  return (
    <Stack gap="lg">
      <section aria-labelledby="case-phase-heading">
        <Title order={2} size="h4" id="case-phase-heading" mb="xs">
          {t("cases.phasePicture")}
        </Title>
        <PhasePicture phase={c.phase} labelledBy="case-phase-heading" />
      </section>
      <section aria-labelledby="case-overview-heading">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="case-overview-heading">
            {t("cases.tabs.overview")}
          </Title>
          {c.abilities.update && !editing ? (
            <Button variant="light" onClick={() => setEditing(true)}>
              {t("cases.edit")}
            </Button>
          ) : null}
        </Group>
        <DiscardedInput items={discarded} onDismiss={() => setDiscarded([])} />
        {editing ? (
          // Keyed by the version: a reload after a conflict starts the form from the current case.
          <CaseEditForm
            key={c.version}
            caseRecord={c}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              setDiscarded([]);
              reload();
            }}
            onReload={(unsaved) => {
              setDiscarded(unsaved);
              reload();
            }}
          />
        ) : (
          <DataList withDivider labelWidth="200px">
            <DataRow label={t("cases.fields.status")}>
              <CaseStatusBadge status={c.status} />
            </DataRow>
            <DataRow label={t("cases.fields.outcome")}>
              {c.outcome ? t(`cases.outcomes.${c.outcome}`) : "–"}
            </DataRow>
            <DataRow label={t("cases.fields.goals")}>
              {c.goals ? <div dir="auto">{c.goals}</div> : "–"}
            </DataRow>
            <DataRow label={t("cases.fields.assignee")}>
              <bdi>{c.assignee?.name ?? t("cases.unassigned")}</bdi>
            </DataRow>
            <DataRow label={t("cases.fields.openedAt")}>{formatDateTime(c.openedAt)}</DataRow>
            <DataRow label={t("cases.fields.closedAt")}>{formatDateTime(c.closedAt)}</DataRow>
            <DataRow label={t("cases.fields.updatedAt")}>{formatDateTime(c.updatedAt)}</DataRow>
          </DataList>
        )}
      </section>
      <CompetenceCard clientId={c.client.id} caseId={c.id} />
    </Stack>
  );
}
