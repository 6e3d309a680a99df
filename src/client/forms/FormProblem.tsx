import type { ApiError } from "#client/api/client.ts";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import {
  isStaleVersion,
  StaleVersionAlert,
  type UnsavedItem,
} from "#client/components/StaleVersionAlert.tsx";

type Props = {
  error: ApiError | null | undefined;
  title?: string;
  /**
   * For a versioned edit (If-Match): loads the current record after a 412. With it, a 412 shows
   * the stale-version alert with its reload button instead of the plain problem.
   */
  onReload?: (unsaved: UnsavedItem[]) => void;
  /** What the person had entered, shown with the stale-version alert and handed to `onReload`. */
  unsaved?: () => UnsavedItem[];
};

/** A failed save at the top of a form: the server's message, or for a versioned edit the 412 with reload. */
export function FormProblem({ error, title, onReload, unsaved }: Props) {
  if (!onReload) return <ProblemAlert error={error} title={title} />;
  const items = isStaleVersion(error) ? (unsaved?.() ?? []) : [];
  return (
    <>
      <StaleVersionAlert error={error} unsaved={items} onReload={() => onReload(items)} />
      <ProblemAlert error={isStaleVersion(error) ? null : error} title={title} />
    </>
  );
}
