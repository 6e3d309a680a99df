import { NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { today } from "#client/components/dates.ts";
import { FormActions } from "#client/forms/FormActions.tsx";
import { FormModal } from "#client/forms/FormModal.tsx";
import { FormProblem } from "#client/forms/FormProblem.tsx";
import { errorOf, useSubmit } from "#client/forms/use-submit.ts";
import type { Procedure, ProcedureUpdate } from "#shared/contracts/recognition.ts";
import { recognitionRoutes } from "#shared/contracts/routes/recognition.ts";
import { APPEAL_RESULTS, AUTHORITY_DECISION_MONTHS, type RecognitionState } from "#shared/recognition.ts";
import { DecisionFields, decisionBody, decisionValues } from "./DecisionFields.tsx";

/** Moves that need more than a click: the date they happened, or the decision. */
export const MOVES_WITH_FORM: readonly RecognitionState[] = [
  "applied",
  "documents_complete",
  "decided",
  "appeal",
];

/** The date field each dated move sets. */
const DATE_OF: Partial<Record<RecognitionState, "appliedAt" | "documentsCompleteAt" | "appealFiledAt">> = {
  applied: "appliedAt",
  documents_complete: "documentsCompleteAt",
  appeal: "appealFiledAt",
};

type Props = {
  procedure: Procedure;
  /** Where the journey is to move; null closes the dialog. */
  target: RecognitionState | null;
  onClose: () => void;
  onSaved: () => void;
  onReload: () => void;
};

/** Asks what a move needs (a date, the decision) and moves the journey. */
export function MoveModal({ procedure, target, onClose, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal
      item={target}
      onClose={onClose}
      size="lg"
      title={target ? t("recognition.move.title", { state: t(`recognition.states.${target}`) }) : ""}
    >
      {target !== null ? (
        <MoveForm
          key={`${procedure.id}-${target}`}
          procedure={procedure}
          target={target}
          onClose={onClose}
          onSaved={onSaved}
          onReload={onReload}
        />
      ) : null}
    </FormModal>
  );
}

function MoveForm({
  procedure: p,
  target,
  onClose,
  onSaved,
  onReload,
}: Props & { target: RecognitionState }) {
  const { t } = useTranslation();
  const dateField = DATE_OF[target];
  const [date, setDate] = useState(today());
  // A decision after an appeal is a new one: its date starts at today, not at the first decision's.
  const [decision, setDecision] = useState(() => ({ ...decisionValues(p, today()), decidedAt: today() }));
  const [appealResult, setAppealResult] = useState(p.appealResult ?? "");
  const { error, busy, run, fields } = useSubmit();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: ProcedureUpdate = { state: target };
    if (dateField) body[dateField] = date || null;
    if (target === "decided") Object.assign(body, decisionBody(decision));
    if (target === "decided" && p.state === "appeal") {
      body.appealResult = (appealResult || null) as ProcedureUpdate["appealResult"];
    }
    if (
      await run(() =>
        callApi(
          recognitionRoutes.updateProcedure,
          { params: { procedureId: p.id }, body },
          { ifMatch: p.version },
        ),
      )
    ) {
      onSaved();
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <FormProblem error={error} onReload={onReload} />
      <Stack>
        {dateField ? (
          <TextInput
            type="date"
            label={t(`recognition.procedure.fields.${dateField}`)}
            required
            dir="ltr"
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={errorOf(fields, dateField)}
          />
        ) : null}
        {target === "documents_complete" ? (
          <Text size="sm">{t("recognition.move.deadlineHint", { months: AUTHORITY_DECISION_MONTHS })}</Text>
        ) : null}
        {target === "decided" && p.state === "appeal" ? (
          <NativeSelect
            label={t("recognition.procedure.fields.appealResult")}
            data={[
              { value: "", label: t("recognition.notGiven") },
              ...APPEAL_RESULTS.map((r) => ({ value: r, label: t(`recognition.appealResults.${r}`) })),
            ]}
            value={appealResult}
            onChange={(e) => setAppealResult(e.currentTarget.value)}
            error={errorOf(fields, "appealResult")}
          />
        ) : null}
        {target === "decided" ? (
          <DecisionFields regulated={p.regulated} value={decision} onChange={setDecision} fields={fields} />
        ) : null}
        {errorOf(fields, "state") ? (
          <Text size="sm" c="red.8" role="alert">
            {errorOf(fields, "state")}
          </Text>
        ) : null}
        <FormActions busy={busy} onCancel={onClose} submitLabel={t("recognition.move.confirm")} />
      </Stack>
    </form>
  );
}
