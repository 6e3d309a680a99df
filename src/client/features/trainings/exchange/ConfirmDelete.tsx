import { Button, Group, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyError, notifySuccess } from "#client/components/notify.ts";

type Props = {
  /** The button's accessible name: what is deleted ("Delete the post by …"). */
  label: string;
  question: string;
  onDelete: () => Promise<void>;
  /** Where the focus goes once the item is gone (the id of its section's heading). */
  focusAfter: string;
};

/** A delete button that asks once more in place (focus moves to the question's buttons). */
export function ConfirmDelete({ label, question, onDelete, focusAfter }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking) {
    return (
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        aria-label={label}
        onClick={() => setAsking(true)}
      >
        {t("trainings.exchange.delete")}
      </Button>
    );
  }
  const confirm = async () => {
    setBusy(true);
    try {
      await onDelete();
      notifySuccess(t("trainings.exchange.removed"));
      // The button is gone with its item: keyboard users continue from the section's heading.
      document.getElementById(focusAfter)?.focus();
    } catch (err) {
      notifyError(err);
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <Group gap="xs" role="group" aria-label={label}>
      <Text size="sm">{question}</Text>
      <Button size="compact-sm" color="red.9" loading={busy} onClick={confirm} data-autofocus autoFocus>
        {t("trainings.exchange.confirmDelete")}
      </Button>
      <Button size="compact-sm" variant="default" onClick={() => setAsking(false)}>
        {t("common.cancel")}
      </Button>
    </Group>
  );
}
