import { useApiQuery } from "#client/api/use-api.ts";
import type { ResponseOf } from "#shared/contracts/route.ts";
import { caseRoutes } from "#shared/contracts/routes/cases.ts";

export type Assignee = ResponseOf<typeof caseRoutes.assignees>["items"][number];

/** Who cases can be assigned to: the organisation's active counsellors and volunteers. */
export function useAssignees(): Assignee[] {
  const people = useApiQuery(caseRoutes.assignees);
  return people.data?.items ?? [];
}
