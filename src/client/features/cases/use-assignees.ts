import { useApiQuery } from "../../api/use-api.ts";

export type Assignee = { id: string; name: string; role: "counsellor" | "volunteer" };

/** Who cases can be assigned to: the organisation's active counsellors and volunteers. */
export function useAssignees(): Assignee[] {
  const people = useApiQuery<{ items: Assignee[] }>("/api/cases/assignees");
  return people.data?.items ?? [];
}
