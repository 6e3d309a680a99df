import { Button, DataList, Fieldset, Group, Paper, Stack, Text, Title, useMatches } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { DataRow } from "#client/components/DataRow.tsx";
import { daysFromToday, isOverdue } from "#client/components/dates.ts";
import { formatDay } from "#client/components/format.ts";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { StaleVersionAlert } from "#client/components/StaleVersionAlert.tsx";
import { ToneBadge } from "#client/components/ToneBadge.tsx";
import { useSubmit } from "#client/forms/use-submit.ts";
import type { Procedure, ProcedureUpdate } from "#shared/contracts/recognition.ts";
import { recognitionRoutes } from "#shared/contracts/routes/recognition.ts";
import {
  DEADLINE_HORIZON_DAYS,
  DECISIONS_WITH_DIFFERENCES,
  type RecognitionState,
} from "#shared/recognition.ts";
import { JourneyPath } from "./JourneyPath.tsx";
import { MOVES_WITH_FORM, MoveModal } from "./MoveModal.tsx";
import { RecognitionInfo } from "./OccupationRecognition.tsx";
import { ProcedureEditModal } from "./ProcedureEditModal.tsx";
import { Suggestions } from "./Suggestions.tsx";

type Props = {
  procedure: Procedure;
  /** The case the panel belongs to: next steps taken from suggestions go there. */
  caseId: string;
  canAddSteps: boolean;
  reload: () => void;
};

/** One recognition procedure: its journey as a picture, the moves it allows, its data and suggestions. */
export function ProcedureCard({ procedure: p, caseId, canAddSteps, reload }: Props) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<RecognitionState | null>(null);
  const [editing, setEditing] = useState(false);
  const move = useSubmit();
  // Label beside value needs room; on a phone the label goes above.
  const orientation = useMatches<"vertical" | "horizontal">({ base: "vertical", sm: "horizontal" });
  const heading = useRef<HTMLHeadingElement>(null);
  // The move button the user pressed is gone after the move; focus goes to the procedure's heading.
  const focusAfterSave = useRef(false);
  useEffect(() => {
    if (focusAfterSave.current && p.version) {
      focusAfterSave.current = false;
      heading.current?.focus();
    }
  }, [p.version]);
  const saved = () => {
    focusAfterSave.current = true;
    setTarget(null);
    setEditing(false);
    reload();
  };
  const reloadStale = () => {
    setTarget(null);
    setEditing(false);
    reload();
  };

  const moveTo = async (state: RecognitionState) => {
    if (MOVES_WITH_FORM.includes(state)) return setTarget(state);
    const body: ProcedureUpdate = { state };
    const ok = await move.run(() =>
      callApi(
        recognitionRoutes.updateProcedure,
        { params: { procedureId: p.id }, body },
        { ifMatch: p.version },
      ),
    );
    if (ok) saved();
  };

  const headingId = `procedure-${p.id}`;
  const journeyId = `journey-${p.id}`;
  const deadlineOpen = p.decisionDueAt !== null && p.decidedAt === null;
  const permitSoon = p.permit16dUntil !== null && p.permit16dUntil <= daysFromToday(DEADLINE_HORIZON_DAYS);
  const showSuggestions =
    p.decision !== null && DECISIONS_WITH_DIFFERENCES.includes(p.decision) && p.differences.length > 0;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={4} size="h4" id={headingId} ref={heading} tabIndex={-1} lang="de">
              {p.referenceOccupation.title}
            </Title>
            <Text size="sm" c="dimmed">
              {[
                t("recognition.procedure.kldb", { code: p.referenceOccupation.code }),
                p.regulated ? t("recognition.procedure.regulated") : t("recognition.procedure.notRegulated"),
                ...(p.caseId !== null && p.caseId !== caseId ? [t("recognition.procedure.otherCase")] : []),
              ].join(" · ")}
            </Text>
          </div>
          {p.abilities.update ? (
            <Button variant="default" size="xs" onClick={() => setEditing(true)}>
              {t("recognition.procedure.edit")}
            </Button>
          ) : null}
        </Group>

        <div>
          <Text id={journeyId} fw={600} size="sm" mb="xs">
            {t("recognition.journey.title")}
          </Text>
          <JourneyPath procedure={p} labelId={journeyId} />
        </div>

        {p.abilities.update && p.nextStates.length > 0 ? (
          <Fieldset
            variant="unstyled"
            legend={t("recognition.move.label")}
            styles={{ legend: { fontWeight: 600, fontSize: "var(--mantine-font-size-sm)" } }}
          >
            {move.stale ? (
              <StaleVersionAlert error={move.error} onReload={reloadStale} />
            ) : (
              <ProblemAlert error={move.error} />
            )}
            <Group gap="xs" mt="xs">
              {p.nextStates.map((s) => (
                <Button key={s} variant="light" loading={move.busy} onClick={() => moveTo(s)}>
                  {t("recognition.move.to", { state: t(`recognition.states.${s}`) })}
                </Button>
              ))}
            </Group>
          </Fieldset>
        ) : null}

        <DataList withDivider labelWidth="240px" orientation={orientation}>
          <DataRow preLine={false} label={t("recognition.procedure.fields.legalBasis")}>
            {p.legalBasis ? t(`recognition.legalBases.${p.legalBasis}`) : "–"}
          </DataRow>
          <DataRow preLine={false} label={t("recognition.procedure.fields.authority")}>
            {p.authority?.name ?? "–"}
          </DataRow>
          <DataRow preLine={false} label={t("occupations.inSaxonyAnhalt")}>
            <RecognitionInfo recognition={p.recognition} />
          </DataRow>
          <DataRow preLine={false} label={t("recognition.procedure.fields.appliedAt")}>
            {formatDay(p.appliedAt)}
          </DataRow>
          <DataRow preLine={false} label={t("recognition.procedure.fields.documentsCompleteAt")}>
            {formatDay(p.documentsCompleteAt)}
          </DataRow>
          <DataRow preLine={false} label={t("recognition.procedure.fields.decisionDueAt")}>
            <Group gap="xs">
              <span>{formatDay(p.decisionDueAt)}</span>
              {deadlineOpen && isOverdue(p.decisionDueAt) ? (
                <ToneBadge tone="red">{t("recognition.procedure.overdue")}</ToneBadge>
              ) : null}
            </Group>
          </DataRow>
          <DataRow preLine={false} label={t("recognition.procedure.fields.decision")}>
            {p.decision
              ? t("recognition.procedure.decisionOn", {
                  decision: t(`recognition.decisions.${p.decision}`),
                  date: formatDay(p.decidedAt),
                })
              : "–"}
          </DataRow>
          {p.compensationMeasure ? (
            <DataRow preLine={false} label={t("recognition.procedure.fields.compensationMeasure")}>
              {t(`recognition.compensationMeasures.${p.compensationMeasure}`)}
            </DataRow>
          ) : null}
          {p.differences.length > 0 ? (
            <DataRow preLine={false} label={t("recognition.procedure.fields.differences")}>
              <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: "none" }}>
                {p.differences.map((d) => (
                  <li key={d.id}>
                    <Text span fw={600} size="sm">
                      {t(`recognition.differenceKinds.${d.kind}`)}:
                    </Text>{" "}
                    <Text span size="sm" dir="auto">
                      {d.description}
                    </Text>
                  </li>
                ))}
              </Stack>
            </DataRow>
          ) : null}
          <DataRow preLine={false} label={t("recognition.procedure.appeal")}>
            {p.appealFiledAt
              ? t("recognition.procedure.appealOn", {
                  date: formatDay(p.appealFiledAt),
                  result: p.appealResult ? t(`recognition.appealResults.${p.appealResult}`) : "–",
                })
              : "–"}
          </DataRow>
          <DataRow preLine={false} label={t("recognition.procedure.fields.permit16dUntil")}>
            <Group gap="xs">
              <span>{formatDay(p.permit16dUntil)}</span>
              {p.permit16dUntil !== null && isOverdue(p.permit16dUntil) ? (
                <ToneBadge tone="red">{t("recognition.procedure.permitExpired")}</ToneBadge>
              ) : permitSoon ? (
                <ToneBadge tone="yellow">{t("recognition.procedure.permitEndsSoon")}</ToneBadge>
              ) : null}
            </Group>
          </DataRow>
        </DataList>

        {showSuggestions ? (
          <Suggestions key={p.version} procedureId={p.id} caseId={caseId} canTakeOver={canAddSteps} />
        ) : null}
      </Stack>
      <MoveModal
        procedure={p}
        target={target}
        onClose={() => setTarget(null)}
        onSaved={saved}
        onReload={reloadStale}
      />
      <ProcedureEditModal
        procedure={editing ? p : null}
        onClose={() => setEditing(false)}
        onSaved={saved}
        onReload={reload}
      />
    </Paper>
  );
}
