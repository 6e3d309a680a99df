import { Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Bound } from "#client/forms/use-form.ts";

/** The goals of a case, agreed with the client; several lines. */
export function GoalsField(props: Bound) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={t("cases.fields.goals")}
      description={t("cases.hints.goals")}
      autosize
      minRows={3}
      maxRows={10}
      {...props}
    />
  );
}
