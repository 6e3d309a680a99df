import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "../api/use-api.ts";

type Option = { value: string; label: string };

type Props<T> = {
  label: string;
  description?: string;
  required?: boolean;
  error?: string;
  /** The search path for what was typed; null when too little was typed to search. */
  path: (typed: string) => string | null;
  toOption: (item: T) => Option;
  /** The chosen option, kept while the list shows other results. */
  selected: Option | null;
  onChange: (item: T | null) => void;
  /** How a found item shows in the list, when more than its label helps to choose. */
  renderOption?: (item: T) => ReactNode;
};

/**
 * A searchable select whose options come from the server as the user types (debounced), for
 * lists too long to send at once: the KldB occupations, the organisations of the directory.
 */
export function RemoteSelect<T>({
  label,
  description,
  required,
  error,
  path,
  toOption,
  selected,
  onChange,
  renderOption,
}: Props<T>) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(selected?.label ?? "");
  const [debounced] = useDebouncedValue(typed, 300);
  // The chosen label in the field is not a search; the list keeps what the last search found.
  const searching = debounced !== selected?.label;
  const found = useApiQuery<{ items: T[] }>(searching ? path(debounced.trim()) : null);
  const items = found.data?.items ?? [];
  const options = items.map(toOption);
  if (selected && !options.some((o) => o.value === selected.value)) options.unshift(selected);
  const tooShort = searching && path(debounced.trim()) === null;

  return (
    <Select
      label={label}
      description={description}
      required={required}
      error={error}
      searchable
      data={options}
      value={selected?.value ?? null}
      onSearchChange={setTyped}
      onChange={(value) => {
        if (value === null) return onChange(null);
        const item = items.find((i) => toOption(i).value === value);
        if (item) onChange(item);
      }}
      // The server has filtered already; Mantine's own filter would hide its matches on other words.
      filter={({ options: all }) => all}
      renderOption={
        renderOption
          ? ({ option }) => {
              const item = items.find((i) => toOption(i).value === option.value);
              return item ? renderOption(item) : option.label;
            }
          : undefined
      }
      nothingFoundMessage={
        found.loading
          ? t("common.loading")
          : tooShort
            ? t("recognition.search.typeMore")
            : t("recognition.search.nothingFound")
      }
      maxDropdownHeight={280}
      clearable
      clearButtonProps={{ "aria-label": t("recognition.search.clear") }}
    />
  );
}
