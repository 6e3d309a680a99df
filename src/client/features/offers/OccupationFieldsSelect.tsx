import { MultiSelect } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "#client/api/use-api.ts";
import { recognitionRoutes } from "#shared/contracts/routes/recognition.ts";

type Props = { value: string[]; onChange: (value: string[]) => void; error?: string | undefined };

/**
 * The occupation fields (KldB 2010 Berufshauptgruppen) a qualification offer suits. The titles are
 * the classification's own, which exists in German only; the code stays in front for everyone.
 */
export function OccupationFieldsSelect({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const fields = useApiQuery(recognitionRoutes.occupationFields);
  const data = useMemo(
    () =>
      (fields.data?.items ?? [])
        .map((f) => ({ value: f.code, label: `${f.code} ${f.title}` }))
        .concat(
          // Codes stored before the list has loaded still show, so nothing is dropped on save.
          value
            .filter((code) => !fields.data?.items.some((f) => f.code === code))
            .map((code) => ({ value: code, label: code })),
        ),
    [fields.data, value],
  );
  return (
    <MultiSelect
      label={t("offers.fields.occupationFields")}
      description={t("offers.hints.occupationFields")}
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      searchable
      hidePickedOptions
      nothingFoundMessage={t("offers.none")}
    />
  );
}
