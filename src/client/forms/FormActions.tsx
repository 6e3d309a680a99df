import { Button, Group } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

type Props = {
  /** Shows the submit button as working and keeps it from being pressed twice. */
  busy: boolean;
  /** The submit button's words; "Speichern" unless told. */
  submitLabel?: ReactNode;
  /** Shows a cancel button before the submit button. */
  onCancel?: () => void;
  /** The cancel button's words; "Abbrechen" unless told. */
  cancelLabel?: ReactNode;
  disabled?: boolean;
  /** Further buttons, before cancel. */
  children?: ReactNode;
  /** A button of its own in place of the submit button (e.g. a red confirmation that is no form). */
  submit?: ReactNode;
};

/** The buttons that end a form, at its end: cancel (if any), then submit. */
export function FormActions({ busy, submitLabel, onCancel, cancelLabel, disabled, children, submit }: Props) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      {children}
      {onCancel ? (
        <Button variant="default" onClick={onCancel}>
          {cancelLabel ?? t("common.cancel")}
        </Button>
      ) : null}
      {submit ?? (
        <Button type="submit" loading={busy} disabled={disabled}>
          {submitLabel ?? t("common.save")}
        </Button>
      )}
    </Group>
  );
}
