import { Alert, FileInput, Paper, Stack, TextInput, Title } from "@mantine/core";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, callApi } from "#client/api/client.ts";
import { notifySuccess } from "#client/components/notify.ts";
import { FormActions } from "#client/forms/FormActions.tsx";
import { trainingExchangeRoutes as routes } from "#shared/contracts/routes/trainings-exchange.ts";
import {
  EXCHANGE_MATERIAL_MAX_BYTES,
  EXCHANGE_MATERIAL_TYPES,
} from "#shared/contracts/trainings-exchange.ts";
import { MAX_MB, uploadMaterial } from "./upload.ts";

type Props = { cohortId: string; onShared: () => void };

const ACCEPT = [...EXCHANGE_MATERIAL_TYPES, ".txt", ".md", ".csv", ".odt", ".ods", ".odp"].join(",");

/** Sharing a file: chosen, optionally titled, checked for size here and for its bytes on the server. */
export function FileForm({ cohortId, onShared }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [generation, setGeneration] = useState(0);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setError(t("trainings.exchange.materials.chooseFile"));
    if (file.size > EXCHANGE_MATERIAL_MAX_BYTES) {
      return setError(t("trainings.exchange.materials.tooLarge", { mb: MAX_MB }));
    }
    setBusy(true);
    setError(null);
    try {
      await uploadMaterial(cohortId, file, title.trim());
      setFile(null);
      setTitle("");
      setGeneration((g) => g + 1);
      notifySuccess(t("trainings.exchange.materials.shared"));
      onShared();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={headingId}>
          {t("trainings.exchange.materials.fileForm")}
        </Title>
        <FileInput
          key={generation}
          label={t("trainings.exchange.materials.fileField")}
          description={t("trainings.exchange.materials.fileHint", { mb: MAX_MB })}
          accept={ACCEPT}
          required
          value={file}
          onChange={(f) => {
            setFile(f);
            setError(null);
          }}
          clearable
          clearButtonProps={{ "aria-label": t("trainings.exchange.materials.clear") }}
        />
        <TextInput
          label={t("trainings.exchange.materials.titleField")}
          description={t("trainings.exchange.materials.titleHint")}
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.currentTarget.value)}
          dir="auto"
        />
        {error ? (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        ) : null}
        <FormActions busy={busy} submitLabel={t("trainings.exchange.materials.submitFile")} />
      </Stack>
    </Paper>
  );
}

/** Sharing an https link with a title. */
export function LinkForm({ cohortId, onShared }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const [title, setTitle] = useState("");
  const [url, setUrl] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      await callApi(routes.createLink, {
        params: { cohortId },
        body: { title: title.trim(), url: url.trim() },
      });
      setTitle("");
      setUrl("");
      notifySuccess(t("trainings.exchange.materials.shared"));
      onShared();
    } catch (err) {
      setErrors(
        err instanceof ApiError ? { ...err.fieldErrors(), form: err.message } : { form: String(err) },
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={headingId}>
          {t("trainings.exchange.materials.linkForm")}
        </Title>
        <TextInput
          label={t("trainings.exchange.materials.titleField")}
          value={title}
          maxLength={200}
          required
          error={errors.title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          dir="auto"
        />
        <TextInput
          label={t("trainings.exchange.materials.urlField")}
          type="url"
          inputMode="url"
          dir="ltr"
          value={url}
          required
          error={errors.url}
          onChange={(e) => setUrl(e.currentTarget.value)}
        />
        {errors.form && !errors.title && !errors.url ? (
          <Alert color="red" variant="light" role="alert">
            {errors.form}
          </Alert>
        ) : null}
        <FormActions busy={busy} submitLabel={t("trainings.exchange.materials.submitLink")} />
      </Stack>
    </Paper>
  );
}
