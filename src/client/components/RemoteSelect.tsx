import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ApiQuery, useApiQuery } from "#client/api/use-api.ts";
import type { PathInput, ResponseOf, RouteRef } from "#shared/contracts/route.ts";

type Option = { value: string; label: string };

/** A GET route that answers `{ items: [...] }`. */
type ItemsRoute = RouteRef & { readonly method: "GET" };
/** One item of what the route answers. */
export type ItemOf<R extends ItemsRoute> = ResponseOf<R> extends { items: readonly (infer T)[] } ? T : never;

type Props<R extends ItemsRoute, T = ItemOf<R>> = {
  label: string;
  description?: string;
  required?: boolean;
  error?: string;
  /** The route that searches, and its input for what was typed; null when too little was typed. */
  route: R;
  input: (typed: string) => PathInput<R> | null;
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
export function RemoteSelect<R extends ItemsRoute>({
  label,
  description,
  required,
  error,
  route,
  input,
  toOption,
  selected,
  onChange,
  renderOption,
}: Props<R>) {
  type T = ItemOf<R>;
  const { t } = useTranslation();
  const [typed, setTyped] = useState(selected?.label ?? "");
  const [debounced] = useDebouncedValue(typed, 300);
  // The chosen label in the field is not a search; the list keeps what the last search found.
  const searching = debounced !== selected?.label;
  const search = searching ? input(debounced.trim()) : null;
  // Typed at the call site through Props; the hook's own overloads cannot see through a generic R.
  const found = (useApiQuery as (r: ItemsRoute, i: unknown) => ApiQuery<{ items: T[] }>)(route, search);
  const items = found.data?.items ?? [];
  const options = items.map(toOption);
  if (selected && !options.some((o) => o.value === selected.value)) options.unshift(selected);
  const tooShort = searching && search === null;

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
