import { Alert, FileInput, Stack, Text } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { writeHeaders } from "#client/api/client.ts";
import { FormActions } from "#client/forms/FormActions.tsx";
import { FormModal } from "#client/forms/FormModal.tsx";
import { i18n } from "#client/i18n.ts";
import { CONSENT_DOCUMENT_MAX_BYTES, CONSENT_DOCUMENT_TYPES } from "#shared/cases.ts";
import type { Problem } from "#shared/contracts/common.ts";
import type { Consent } from "#shared/contracts/consents.ts";
import { pathOf } from "#shared/contracts/route.ts";
import { consentRoutes } from "#shared/contracts/routes/consents.ts";

type Props = {
  /** The consent whose signed sheet is uploaded; null closes the dialog. */
  consent: Consent | null;
  onClose: () => void;
  onUploaded: (consent: Consent) => void;
};

const MAX_MB = CONSENT_DOCUMENT_MAX_BYTES / 1024 / 1024;

/** Uploading the scanned signed sheet of one consent. */
export function DocumentUploadModal({ consent, onClose, onUploaded }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal item={consent} onClose={onClose} title={t("consents.upload.title")}>
      {consent ? (
        <UploadForm key={consent.id} consent={consent} onClose={onClose} onUploaded={onUploaded} />
      ) : null}
    </FormModal>
  );
}

function UploadForm({ consent, onClose, onUploaded }: { consent: Consent } & Omit<Props, "consent">) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setError(t("consents.upload.chooseFile"));
      return;
    }
    // Checked here as well, so that a large scan is not sent only to be refused.
    const problem = localProblem(file);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onUploaded(await uploadDocument(consent.id, file));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          {t("consents.upload.intro", { purpose: t(`consents.purposes.${consent.purpose}`) })}
        </Text>
        {consent.document ? (
          <Text size="sm">{t("consents.upload.replaces", { name: consent.document.fileName })}</Text>
        ) : null}
        <FileInput
          label={t("consents.upload.file")}
          description={t("consents.upload.fileHint", { mb: MAX_MB })}
          accept={CONSENT_DOCUMENT_TYPES.join(",")}
          required
          value={file}
          onChange={(f) => {
            setFile(f);
            setError(f ? localProblem(f) : null);
          }}
          clearable
          clearButtonProps={{ "aria-label": t("consents.upload.clear") }}
        />
        {error ? (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        ) : null}
        <FormActions busy={busy} onCancel={onClose} submitLabel={t("consents.upload.submit")} />
      </Stack>
    </form>
  );
}

function localProblem(file: File): string | null {
  if (!(CONSENT_DOCUMENT_TYPES as readonly string[]).includes(file.type))
    return i18n.t("consents.upload.wrongType");
  if (file.size > CONSENT_DOCUMENT_MAX_BYTES) return i18n.t("consents.upload.tooLarge", { mb: MAX_MB });
  return null;
}

/** PUTs the file as the raw body; the server learns its type and name from the headers. */
async function uploadDocument(consentId: string, file: File): Promise<Consent> {
  let res: Response;
  try {
    res = await fetch(pathOf(consentRoutes.uploadDocument, { params: { consentId } }), {
      method: "PUT",
      credentials: "same-origin",
      headers: {
        ...writeHeaders(),
        Accept: "application/json",
        "Content-Type": file.type,
        "X-File-Name": encodeURIComponent(file.name),
      },
      body: file,
    });
  } catch {
    throw new Error(i18n.t("common.networkError"));
  }
  if (res.ok) return (await res.json()) as Consent;
  const problem = (await res.json().catch(() => null)) as Partial<Problem> | null;
  // A 413 or 415 from a proxy or the generic handler speaks of JSON requests; a scan needs its own words.
  if (!problem?.code?.startsWith("consent.")) {
    if (res.status === 413) throw new Error(i18n.t("consents.upload.tooLarge", { mb: MAX_MB }));
    if (res.status === 415) throw new Error(i18n.t("consents.upload.wrongType"));
  }
  throw new Error(problem?.detail ?? problem?.title ?? i18n.t("errors.internal"));
}
