import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "#client/api/use-api.ts";
import type { ResponseOf } from "#shared/contracts/route.ts";
import { recognitionRoutes } from "#shared/contracts/routes/recognition.ts";

type Organisation = ResponseOf<typeof recognitionRoutes.directoryOrganisations>["items"][number];

type Props = {
  label: string;
  description?: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
  required?: boolean;
};

/**
 * An organisation of the directory, searched on the server by name: the directory holds hundreds,
 * so the list is never loaded whole.
 */
export function OrganisationSelect({ label, description, value, onChange, error, required }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  // The chosen organisation stays an option, or the field would lose its label on the next search.
  const [chosen, setChosen] = useState<Organisation | null>(null);
  const list = useApiQuery(recognitionRoutes.directoryOrganisations, {
    query: { q: debounced.trim() || undefined },
  });
  const data = useMemo(() => {
    const items = list.data?.items ?? [];
    const all = chosen && !items.some((o) => o.id === chosen.id) ? [chosen, ...items] : items;
    return all.map((o) => ({ value: o.id, label: o.name }));
  }, [list.data, chosen]);

  return (
    <Select
      label={label}
      description={description}
      required={required}
      error={error}
      searchable
      clearable
      clearButtonProps={{ "aria-label": t("consents.form.clearRecipient") }}
      // The server has filtered already; filtering again by the typed text would hide nothing new.
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={value}
      onChange={(id) => {
        const org = list.data?.items.find((o) => o.id === id) ?? (chosen?.id === id ? chosen : null);
        setChosen(org ?? null);
        onChange(id);
      }}
      nothingFoundMessage={list.loading ? t("common.loading") : t("consents.form.noOrganisation")}
      placeholder={t("consents.form.searchOrganisation")}
    />
  );
}
