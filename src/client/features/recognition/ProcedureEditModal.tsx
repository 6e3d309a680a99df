import { Fieldset, NativeSelect, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { today } from "#client/components/dates.ts";
import { formatDay } from "#client/components/format.ts";
import { DiscardedInput, type UnsavedItem } from "#client/components/StaleVersionAlert.tsx";
import { FormActions } from "#client/forms/FormActions.tsx";
import { FormModal } from "#client/forms/FormModal.tsx";
import { FormProblem } from "#client/forms/FormProblem.tsx";
import { errorOf, useSubmit } from "#client/forms/use-submit.ts";
import type { Procedure, ProcedureUpdate } from "#shared/contracts/recognition.ts";
import { recognitionRoutes } from "#shared/contracts/routes/recognition.ts";
import { APPEAL_RESULTS } from "#shared/recognition.ts";
import { DecisionFields, decisionBody, decisionValues } from "./DecisionFields.tsx";
import { type Authority, AuthoritySelect, LegalBasisSelect } from "./ProcedureFields.tsx";

type Props = {
  /** The procedure to edit; null closes the dialog. */
  procedure: Procedure | null;
  onClose: () => void;
  onSaved: () => void;
  /** Loads the procedure again; the dialog stays open and shows the current record. */
  onReload: () => void;
};

/**
 * Corrects what a procedure records: dates, appeal, §16d permit, authority, the decision. When
 * someone else saved meanwhile (412), the form reloads with the current record and keeps what
 * the person had entered in view, so that they can apply it again.
 */
export function ProcedureEditModal({ procedure, onClose, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const [discarded, setDiscarded] = useState<UnsavedItem[]>([]);
  const close = () => {
    setDiscarded([]);
    onClose();
  };
  return (
    <FormModal item={procedure} onClose={close} size="lg" title={t("recognition.procedure.editTitle")}>
      {procedure !== null ? (
        <>
          <DiscardedInput items={discarded} onDismiss={() => setDiscarded([])} />
          {/* Keyed by the version: after a reload the form starts from the current record. */}
          <EditForm
            key={`${procedure.id}-${procedure.version}`}
            procedure={procedure}
            onClose={close}
            onSaved={() => {
              setDiscarded([]);
              onSaved();
            }}
            onReload={(unsaved) => {
              setDiscarded(unsaved);
              onReload();
            }}
          />
        </>
      ) : null}
    </FormModal>
  );
}

const DATES = ["appliedAt", "documentsCompleteAt", "appealFiledAt", "permit16dUntil"] as const;
type DateKey = (typeof DATES)[number];

type FormProps = {
  procedure: Procedure;
  onClose: () => void;
  onSaved: () => void;
  onReload: (unsaved: UnsavedItem[]) => void;
};

function EditForm({ procedure: p, onClose, onSaved, onReload }: FormProps) {
  const { t } = useTranslation();
  const [dates, setDates] = useState<Record<DateKey, string>>(
    () => Object.fromEntries(DATES.map((k) => [k, p[k] ?? ""])) as Record<DateKey, string>,
  );
  const [legalBasis, setLegalBasis] = useState<string>(p.legalBasis ?? "");
  const [appealResult, setAppealResult] = useState<string>(p.appealResult ?? "");
  const [authority, setAuthority] = useState<Pick<Authority, "id" | "name"> | null>(p.authority);
  const [decision, setDecision] = useState(() => decisionValues(p, today()));
  const { error, busy, run, fields } = useSubmit();
  const f = (k: string) => t(`recognition.procedure.fields.${k}`);
  const dateInput = (key: DateKey) => (
    <TextInput
      type="date"
      label={f(key)}
      dir="ltr"
      value={dates[key]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setDates((d) => ({ ...d, [key]: value }));
      }}
      error={errorOf(fields, key)}
    />
  );

  /** What the person changed in the simple fields, to keep in view across a reload. */
  const unsaved = (): UnsavedItem[] => [
    ...(legalBasis !== (p.legalBasis ?? "")
      ? [{ label: f("legalBasis"), value: legalBasis ? t(`recognition.legalBases.${legalBasis}`) : "–" }]
      : []),
    ...(authority?.id !== p.authority?.id ? [{ label: f("authority"), value: authority?.name ?? "–" }] : []),
    ...DATES.filter((k) => dates[k] !== (p[k] ?? "")).map((k) => ({
      label: f(k),
      value: formatDay(dates[k]),
    })),
    ...(appealResult !== (p.appealResult ?? "")
      ? [
          {
            label: f("appealResult"),
            value: appealResult ? t(`recognition.appealResults.${appealResult}`) : "–",
          },
        ]
      : []),
  ];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: ProcedureUpdate = {
      legalBasis: (legalBasis || null) as ProcedureUpdate["legalBasis"],
      authorityOrganisationId: authority?.id ?? null,
      appealResult: (appealResult || null) as ProcedureUpdate["appealResult"],
      ...Object.fromEntries(DATES.map((k) => [k, dates[k] || null])),
      // The decision is edited only once there is one; before, moving to "decided" records it.
      ...(p.decision !== null ? decisionBody(decision) : {}),
    };
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
      <FormProblem error={error} unsaved={unsaved} onReload={onReload} />
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <LegalBasisSelect
            label={f("legalBasis")}
            value={legalBasis}
            onChange={setLegalBasis}
            error={errorOf(fields, "legalBasis")}
          />
          <AuthoritySelect
            label={f("authority")}
            value={authority}
            onChange={setAuthority}
            error={errorOf(fields, "authorityOrganisationId")}
          />
          {dateInput("appliedAt")}
          {dateInput("documentsCompleteAt")}
        </SimpleGrid>
        <Fieldset legend={t("recognition.procedure.appeal")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {dateInput("appealFiledAt")}
            <NativeSelect
              label={f("appealResult")}
              data={[
                { value: "", label: t("recognition.notGiven") },
                ...APPEAL_RESULTS.map((r) => ({ value: r, label: t(`recognition.appealResults.${r}`) })),
              ]}
              value={appealResult}
              onChange={(e) => setAppealResult(e.currentTarget.value)}
              error={errorOf(fields, "appealResult")}
            />
          </SimpleGrid>
        </Fieldset>
        {dateInput("permit16dUntil")}
        {p.decision !== null ? (
          <Fieldset legend={t("recognition.procedure.decision")}>
            <DecisionFields regulated={p.regulated} value={decision} onChange={setDecision} fields={fields} />
          </Fieldset>
        ) : null}
        <FormActions busy={busy} onCancel={onClose} />
      </Stack>
    </form>
  );
}
