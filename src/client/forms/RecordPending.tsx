import type { ReactNode } from "react";
import type { ApiQuery } from "#client/api/use-api.ts";
import { Loading } from "#client/components/Loading.tsx";
import { PageTitle } from "#client/components/PageTitle.tsx";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";

type Props = {
  query: ApiQuery<unknown>;
  /** The page's title while the record's own name is not known. */
  title: string;
  /** The way back to the list, above the title. */
  back?: ReactNode;
};

/**
 * What the page of one record shows until the record is there: a spinner, or, when it failed
 * (not found, not allowed), the page title with the problem. Use:
 * `if (q.error || !q.data) return <RecordPending query={q} title={…} />;`
 */
export function RecordPending({ query, title, back }: Props) {
  if (!query.error) return <Loading />;
  return (
    <>
      {back}
      <PageTitle>{title}</PageTitle>
      <ProblemAlert error={query.error} />
    </>
  );
}
