import { NativeSelect, SimpleGrid, Stack } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { orNull } from "#client/components/format.ts";
import { notifySuccess } from "#client/components/notify.ts";
import type { UnsavedItem } from "#client/components/StaleVersionAlert.tsx";
import { FormActions } from "#client/forms/FormActions.tsx";
import { FormProblem } from "#client/forms/FormProblem.tsx";
import { useForm } from "#client/forms/use-form.ts";
import { CASE_OUTCOMES, CASE_STATUSES } from "#shared/cases.ts";
import type { Case, CaseUpdate } from "#shared/contracts/cases.ts";
import { caseRoutes } from "#shared/contracts/routes/cases.ts";
import { IQ_PHASES } from "#shared/directory.ts";
import { GoalsField } from "./GoalsField.tsx";
import { phaseLabel } from "./labels.ts";
import { useAssignees } from "./use-assignees.ts";

type Values = { status: string; outcome: string; phase: string; goals: string; assignee: string };
const NOBODY = "none";

function initial(c: Case): Values {
  return {
    status: c.status,
    outcome: c.outcome ?? "",
    phase: String(c.phase),
    goals: c.goals ?? "",
    assignee: c.assignee?.id ?? NOBODY,
  };
}

/** Only what changed goes to the server, so that the timeline records just those changes. */
function changes(before: Values, now: Values): CaseUpdate {
  const body: CaseUpdate = {};
  if (now.status !== before.status) body.status = now.status as CaseUpdate["status"];
  if (now.outcome !== before.outcome || (now.status === "closed" && now.status !== before.status))
    body.outcome = (orNull(now.outcome) ?? null) as CaseUpdate["outcome"];
  if (now.phase !== before.phase) body.phase = Number(now.phase);
  if (now.goals !== before.goals) body.goals = orNull(now.goals);
  if (now.assignee !== before.assignee) body.assigneeUserId = now.assignee === NOBODY ? null : now.assignee;
  return body;
}

type Props = {
  caseRecord: Case;
  onSaved: () => void;
  onCancel: () => void;
  /** Loads the case again after a conflict, keeping what the person had entered for display. */
  onReload: (unsaved: UnsavedItem[]) => void;
};

/** Status, outcome, phase, goals and assignee of a case; saved against the version it was loaded with. */
export function CaseEditForm({ caseRecord: c, onSaved, onCancel, onReload }: Props) {
  const { t } = useTranslation();
  const people = useAssignees();
  const [before] = useState(() => initial(c));
  const { values, bind, busy, error, run } = useForm(before);
  const unsaved = (): UnsavedItem[] => {
    const body = changes(before, values);
    const items: UnsavedItem[] = [];
    if (body.status)
      items.push({ label: t("cases.fields.status"), value: t(`cases.statuses.${body.status}`) });
    if (body.outcome)
      items.push({ label: t("cases.fields.outcome"), value: t(`cases.outcomes.${body.outcome}`) });
    if (body.phase) items.push({ label: t("cases.fields.phase"), value: phaseLabel(t, body.phase) });
    if (body.goals !== undefined) items.push({ label: t("cases.fields.goals"), value: body.goals ?? "–" });
    if (body.assigneeUserId !== undefined)
      items.push({
        label: t("cases.fields.assignee"),
        value: people.find((p) => p.id === body.assigneeUserId)?.name ?? t("cases.unassigned"),
      });
    return items;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = changes(before, values);
    if (Object.keys(body).length === 0) return onCancel();
    const sent = await run(() =>
      callApi(caseRoutes.update, { params: { caseId: c.id }, body }, { ifMatch: c.version }),
    );
    if (!sent) return;
    notifySuccess(t("cases.saved"));
    onSaved();
  };

  // The person and the current assignee are offered even when they are no longer assignable.
  const options = [...people];
  if (c.assignee && !options.some((p) => p.id === c.assignee?.id))
    options.unshift({ ...c.assignee, role: "counsellor" });
  return (
    <form onSubmit={submit} noValidate aria-label={t("cases.editTitle")}>
      <FormProblem error={error} unsaved={unsaved} onReload={onReload} />
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t("cases.fields.status")}
            data={CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.statuses.${s}`) }))}
            {...bind("status")}
          />
          {values.status === "closed" ? (
            <NativeSelect
              label={t("cases.fields.outcome")}
              description={t("cases.hints.outcome")}
              required
              data={[
                { value: "", label: t("common.choose"), disabled: true },
                ...CASE_OUTCOMES.map((o) => ({ value: o, label: t(`cases.outcomes.${o}`) })),
              ]}
              {...bind("outcome")}
            />
          ) : null}
          <NativeSelect
            label={t("cases.fields.phase")}
            data={IQ_PHASES.map((p) => ({ value: String(p), label: phaseLabel(t, p) }))}
            {...bind("phase")}
          />
          {c.abilities.assign ? (
            <NativeSelect
              label={t("cases.fields.assignee")}
              data={[
                ...options.map((p) => ({ value: p.id, label: p.name })),
                { value: NOBODY, label: t("cases.unassigned") },
              ]}
              {...bind("assignee", "assigneeUserId")}
            />
          ) : null}
        </SimpleGrid>
        <GoalsField {...bind("goals")} />
        <FormActions busy={busy} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
