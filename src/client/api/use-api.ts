import { useCallback, useEffect, useState } from "react";
import {
  type InputArgs,
  type PathInput,
  type ResponseOf,
  type RouteRef,
  urlOf,
} from "#shared/contracts/route.ts";
import { ApiError, api } from "./client.ts";

export type ApiQuery<T> = {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
};

/** A GET route the query hook can load. */
type GetRoute = RouteRef & { readonly method: "GET" };

/**
 * Loads a GET route through its descriptor (or stub) and reloads it when the URL changes; a null
 * input loads nothing. `useApiQuery(caseRoutes.get, { params: { caseId } })`
 */
export function useApiQuery<R extends GetRoute>(
  route: R,
  ...[input]: InputArgs<PathInput<R> | null>
): ApiQuery<ResponseOf<R>>;
export function useApiQuery<T>(
  route: GetRoute,
  input?: { params?: unknown; query?: unknown } | null,
): ApiQuery<T> {
  const path = input === null ? null : urlOf(route, input);
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(path !== null);
  const [generation, setGeneration] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: generation is the reload trigger
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setLoading(true);
    api<T>("GET", path, undefined, controller.signal)
      .then((value) => {
        // Previous data stays visible while the next page loads, so tables do not jump.
        setData(value);
        setError(undefined);
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setError(err instanceof ApiError ? err : undefined);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [path, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}
