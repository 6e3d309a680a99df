import { Group, NativeSelect, Paper, SimpleGrid, type SimpleGridProps, Text, TextInput } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiQuery } from "#client/api/use-api.ts";
import { Pager } from "#client/components/Pager.tsx";
import { PageTitle } from "#client/components/PageTitle.tsx";
import { QueryView } from "#client/components/QueryView.tsx";

type FilterProps = { label: string; value: string; onChange: (value: string) => void };

type PageProps = {
  title: string;
  /** A button beside the title (e.g. "new"). */
  action?: ReactNode;
  /** A sentence below the title saying what the page is for. */
  intro?: ReactNode;
  /** The bordered panel with the filters and the list; without it, children stand unframed. */
  children: ReactNode;
  /** Left outside the panel, after it (a dialog, a second section). */
  after?: ReactNode;
};

/** The frame of a list page: the page title (with an action beside it), an intro, the list in a panel. */
export function ListPage({ title, action, intro, children, after }: PageProps) {
  return (
    <>
      {action ? (
        <Group justify="space-between" align="flex-start">
          <PageTitle>{title}</PageTitle>
          {action}
        </Group>
      ) : (
        <PageTitle>{title}</PageTitle>
      )}
      {intro ? (
        <Text c="dimmed" mb="lg">
          {intro}
        </Text>
      ) : null}
      <Paper withBorder p="lg" radius="md">
        {children}
      </Paper>
      {after}
    </>
  );
}

type PagedProps<T extends { total: number }> = {
  query: ApiQuery<T>;
  limit: number;
  offset: number;
  onPage: (offset: number) => void;
  /** The table (or cards) of one page of records. */
  children: (data: T) => ReactNode;
};

/** One page of a server-paged list: the problem or a spinner while loading, the records, then the pager. */
export function PagedList<T extends { total: number }>({
  query,
  limit,
  offset,
  onPage,
  children,
}: PagedProps<T>) {
  return (
    <QueryView query={query}>
      {(data) => (
        <>
          {children(data)}
          <Pager total={data.total} limit={limit} offset={offset} onChange={onPage} />
        </>
      )}
    </QueryView>
  );
}

/** Props for a SearchFilter or SelectFilter bound to one key of a set of filter values. */
export function filterBinder<F extends Record<string, string>>(value: F, onChange: (next: F) => void) {
  return (key: keyof F & string): Omit<FilterProps, "label"> => ({
    value: value[key] as string,
    onChange: (v: string) => onChange({ ...value, [key]: v }),
  });
}

/** The filters and the page of a list kept in component state: changing a filter goes back to the first page. */
export function useListFilters<F extends Record<string, string>>(initial: F) {
  const [filters, setFiltersNow] = useState<F>(initial);
  const [offset, setOffset] = useState(0);
  const setFilters = (next: F) => {
    setFiltersNow(next);
    setOffset(0);
  };
  return { filters, setFilters, filter: filterBinder(filters, setFilters), offset, setOffset };
}

/** The row of filters above a list, announced as a search region with its name. */
export function FilterBar({
  label,
  cols,
  mb = "md",
  children,
}: {
  label: string;
  cols: SimpleGridProps["cols"];
  mb?: SimpleGridProps["mb"];
  children: ReactNode;
}) {
  return (
    <SimpleGrid cols={cols} mb={mb} role="search" aria-label={label}>
      {children}
    </SimpleGrid>
  );
}

/** A search box filter. */
export function SearchFilter({ label, value, onChange }: FilterProps) {
  return (
    <TextInput type="search" label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)} />
  );
}

/** A filter by a calendar day (from, to). */
export function DateFilter({ label, value, onChange }: FilterProps) {
  return (
    <TextInput type="date" label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)} />
  );
}

/** A select filter whose first choice, "all" (or `allLabel`), is the empty value; `withAll={false}` for a choice that always holds (a sort order). */
export function SelectFilter({
  label,
  value,
  onChange,
  options,
  allLabel,
  withAll = true,
}: FilterProps & { options: Option[]; allLabel?: string; withAll?: boolean }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={withAll ? [{ value: "", label: allLabel ?? t("common.all") }, ...options] : options}
    />
  );
}

/** A choice of a select. */
export type Option = { value: string; label: string; disabled?: boolean };

/** Select choices from a list of values and the words for each. */
export function optionsOf<V extends string | number>(
  values: readonly V[],
  label: (value: V) => string,
): Option[] {
  return values.map((v) => ({ value: String(v), label: label(v) }));
}
