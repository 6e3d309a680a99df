import { Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { daysFromToday } from "#client/components/dates.ts";
import { notifySuccess } from "#client/components/notify.ts";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { FormActions } from "#client/forms/FormActions.tsx";
import { FormModal } from "#client/forms/FormModal.tsx";
import { errorOf, useSubmit } from "#client/forms/use-submit.ts";
import type { NextStepCreate } from "#shared/contracts/cases.ts";
import { caseRoutes } from "#shared/contracts/routes/cases.ts";

/** How many days ahead a next step taken from a suggestion is due unless the counsellor says otherwise. */
const DUE_IN_DAYS = 14;

type Props = {
  caseId: string;
  procedureId: string;
  /** The suggested offer to take over; null closes the dialog. */
  offer: { id: string; name: string } | null;
  onClose: () => void;
};

/** Takes a suggested offer into the case's next steps, linked to the offer and the procedure. */
export function NextStepModal({ caseId, procedureId, offer, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal item={offer} onClose={onClose} title={t("recognition.suggestions.takeOverTitle")}>
      {offer !== null ? (
        <NextStepForm
          key={offer.id}
          caseId={caseId}
          procedureId={procedureId}
          offer={offer}
          onClose={onClose}
        />
      ) : null}
    </FormModal>
  );
}

function NextStepForm({
  caseId,
  procedureId,
  offer,
  onClose,
}: Props & { offer: { id: string; name: string } }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(() => t("recognition.suggestions.stepTitle", { name: offer.name }));
  const [dueDate, setDueDate] = useState(() => daysFromToday(DUE_IN_DAYS));
  const { error, busy, run, fields } = useSubmit();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: NextStepCreate = {
      title: title.trim(),
      dueDate: dueDate || null,
      offerId: offer.id,
      procedureId,
    };
    if (await run(() => callApi(caseRoutes.createNextStep, { params: { caseId }, body }))) {
      notifySuccess(t("recognition.suggestions.taken", { title: body.title }));
      onClose();
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <ProblemAlert error={error} />
      <Stack>
        <TextInput
          label={t("recognition.suggestions.stepTitleLabel")}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errorOf(fields, "title")}
        />
        <TextInput
          type="date"
          label={t("recognition.suggestions.dueDate")}
          dir="ltr"
          value={dueDate}
          onChange={(e) => setDueDate(e.currentTarget.value)}
          error={errorOf(fields, "dueDate")}
        />
        <FormActions busy={busy} onCancel={onClose} submitLabel={t("recognition.suggestions.takeOver")} />
      </Stack>
    </form>
  );
}
