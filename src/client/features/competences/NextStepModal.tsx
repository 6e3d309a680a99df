import { Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { notifySuccess } from "#client/components/notify.ts";
import { FormActions } from "#client/forms/FormActions.tsx";
import { FormModal } from "#client/forms/FormModal.tsx";
import { FormProblem } from "#client/forms/FormProblem.tsx";
import { errorOf, useSubmit } from "#client/forms/use-submit.ts";
import type { Profile } from "#shared/contracts/competences.ts";
import { competenceRoutes } from "#shared/contracts/routes/competences.ts";

/** What is taken over: a goal, optionally with a start-up offer of the directory. */
export type TakeOver = { goalId: string; title: string; offerId: string | null; offerName: string | null };

type Props = {
  profile: Profile;
  item: TakeOver | null;
  onClose: () => void;
  /** After the step is in the case (or after a 412, to load the current profile). */
  onDone: () => void;
};

/** Takes a goal over into the case's next steps: typed once, kept in the case, linked from the goal. */
export function NextStepModal({ profile, item, onClose, onDone }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal item={item} onClose={onClose} title={t("competenceProfile.goals.takeOverTitle")}>
      {item ? <NextStepForm profile={profile} item={item} onClose={onClose} onDone={onDone} /> : null}
    </FormModal>
  );
}

function NextStepForm({ profile, item, onClose, onDone }: Props & { item: TakeOver }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(
    item.offerName ? `${item.offerName}: ${item.title}`.slice(0, 500) : item.title.slice(0, 500),
  );
  const [dueDate, setDueDate] = useState("");
  const { busy, error, run, fields } = useSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // The dialog sits inside the profile's form in React's tree: its submit must not save that form.
    e.stopPropagation();
    const ok = await run(() =>
      callApi(
        competenceRoutes.nextStep,
        {
          params: { profileId: profile.id },
          body: { goalId: item.goalId, title, dueDate: dueDate || null, offerId: item.offerId },
        },
        { ifMatch: profile.version },
      ),
    );
    if (ok) {
      notifySuccess(t("competenceProfile.goals.takenOver"));
      onDone();
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <FormProblem error={error} onReload={() => onDone()} />
      <Stack gap="sm">
        <TextInput
          label={t("competenceProfile.goals.stepTitle")}
          required
          dir="auto"
          value={title}
          error={errorOf(fields, "title")}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t("competenceProfile.goals.dueDate")}
          value={dueDate}
          dir="ltr"
          error={errorOf(fields, "dueDate")}
          onChange={(e) => setDueDate(e.currentTarget.value)}
        />
        <FormActions busy={busy} onCancel={onClose} submitLabel={t("competenceProfile.goals.takeOver")} />
      </Stack>
    </form>
  );
}
