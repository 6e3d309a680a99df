import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RemoteSelect } from "#client/components/RemoteSelect.tsx";
import type { ResponseOf } from "#shared/contracts/route.ts";
import { recognitionRoutes } from "#shared/contracts/routes/recognition.ts";
import { RECOGNITION_LEGAL_BASES } from "#shared/recognition.ts";

export type Authority = ResponseOf<typeof recognitionRoutes.directoryOrganisations>["items"][number];

export const authorityOption = (a: { id: string; name: string }) => ({ value: a.id, label: a.name });
export const authoritySearch = (q: string) => ({ query: { q } });

type Field<T> = { label: string; value: T; onChange: (value: T) => void; error: string | undefined };

/** The legal basis of a recognition procedure, or none given. */
export function LegalBasisSelect({ label, value, onChange, error }: Field<string>) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={label}
      data={[
        { value: "", label: t("recognition.notGiven") },
        ...RECOGNITION_LEGAL_BASES.map((b) => ({ value: b, label: t(`recognition.legalBases.${b}`) })),
      ]}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

/** An organisation of the directory (the competent authority, an interface's side), searched as typed. */
export function AuthoritySelect({
  label,
  value,
  onChange,
  error,
  description,
  required,
}: Omit<Field<Pick<Authority, "id" | "name"> | null>, "onChange"> & {
  onChange: (value: Authority | null) => void;
  description?: string;
  required?: boolean;
}) {
  return (
    <RemoteSelect
      label={label}
      description={description}
      required={required}
      error={error}
      route={recognitionRoutes.directoryOrganisations}
      input={authoritySearch}
      toOption={authorityOption}
      selected={value ? authorityOption(value) : null}
      onChange={onChange}
    />
  );
}
