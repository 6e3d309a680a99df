import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ApiError } from "#client/api/client.ts";

/** The server's translated message for a failed request; announced by screen readers. */
export function ProblemAlert({ error, title }: { error: ApiError | undefined | null; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={title ?? t("common.errorTitle")} mb="md">
      {error.message}
    </Alert>
  );
}
