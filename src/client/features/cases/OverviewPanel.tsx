import { Button, DataList, Group, Stack, Title } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../components/format.ts";
import { DiscardedInput, type UnsavedItem } from "../../components/StaleVersionAlert.tsx";
import { CaseStatusBadge } from "./CaseBadges.tsx";
import { CaseEditForm } from "./CaseEditForm.tsx";
import { PhasePicture } from "./PhasePicture.tsx";
import type { CasePanelProps } from "./panel.ts";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue style={{ whiteSpace: "pre-line" }}>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

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
            <Row label={t("cases.fields.status")}>
              <CaseStatusBadge status={c.status} />
            </Row>
            <Row label={t("cases.fields.outcome")}>{c.outcome ? t(`cases.outcomes.${c.outcome}`) : "–"}</Row>
            <Row label={t("cases.fields.goals")}>{c.goals ? <div dir="auto">{c.goals}</div> : "–"}</Row>
            <Row label={t("cases.fields.assignee")}>
              <bdi>{c.assignee?.name ?? t("cases.unassigned")}</bdi>
            </Row>
            <Row label={t("cases.fields.openedAt")}>{formatDateTime(c.openedAt)}</Row>
            <Row label={t("cases.fields.closedAt")}>{formatDateTime(c.closedAt)}</Row>
            <Row label={t("cases.fields.updatedAt")}>{formatDateTime(c.updatedAt)}</Row>
          </DataList>
        )}
      </section>
    </Stack>
  );
}
