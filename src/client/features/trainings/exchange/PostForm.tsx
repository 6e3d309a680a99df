import { Stack, Textarea } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "#client/api/client.ts";
import { FormActions } from "#client/forms/FormActions.tsx";
import { EXCHANGE_POST_MAX } from "#shared/contracts/trainings-exchange.ts";

type Props = {
  label: string;
  submitLabel: string;
  initial?: string;
  onSubmit: (body: string) => Promise<void>;
  onCancel?: () => void;
  autoFocus?: boolean;
};

/** The text field of a post, a reply or an edit, with its buttons. */
export function PostForm({ label, submitLabel, initial = "", onSubmit, onCancel, autoFocus }: Props) {
  const { t } = useTranslation();
  const [body, setBody] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (body.trim() === "") {
      setError(t("validation.required"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(body.trim());
      setBody("");
    } catch (err) {
      setError(err instanceof ApiError ? (Object.values(err.fieldErrors())[0] ?? err.message) : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      // Escape closes a reply or an edit, as it would close a dialog.
      onKeyDown={(e) => {
        if (e.key === "Escape" && onCancel) {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={label}
          description={t("trainings.exchange.bodyHint")}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={12}
          maxLength={EXCHANGE_POST_MAX}
          required
          error={error}
          dir="auto"
          data-autofocus={autoFocus || undefined}
          autoFocus={autoFocus}
        />
        <FormActions busy={busy} submitLabel={submitLabel} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
