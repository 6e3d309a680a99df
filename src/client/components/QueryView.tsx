import type { ReactNode } from "react";
import type { ApiQuery } from "#client/api/use-api.ts";
import { Loading } from "./Loading.tsx";
import { ProblemAlert } from "./ProblemAlert.tsx";

/** What every loaded view shows: the problem if loading failed, a spinner until data came, then the data. */
export function QueryView<T>({ query, children }: { query: ApiQuery<T>; children: (data: T) => ReactNode }) {
  return (
    <>
      <ProblemAlert error={query.error} />
      {query.data !== undefined ? children(query.data) : query.error ? null : <Loading />}
    </>
  );
}

/** A loaded list: like QueryView, but with what to show instead when the list has no items. */
export function ItemsView<T extends { items: readonly unknown[] }>({
  query,
  empty,
  children,
}: {
  query: ApiQuery<T>;
  empty: ReactNode;
  children: (data: T) => ReactNode;
}) {
  return <QueryView query={query}>{(data) => (data.items.length === 0 ? empty : children(data))}</QueryView>;
}
