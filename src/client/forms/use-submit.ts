import { useState } from "react";
import { ApiError } from "#client/api/client.ts";

/** The server's message for a field or anything below it ("differences" also for "differences.0.kind"). */
export function errorOf(fields: Record<string, string>, name: string): string | undefined {
  return fields[name] ?? Object.entries(fields).find(([k]) => k.startsWith(`${name}.`))?.[1];
}

/** An optional whole number as the API expects it; a non-number goes through so that the server names the field. */
export function optionalNumber(value: string): number | string | null {
  const v = value.trim();
  if (v === "") return null;
  return /^\d+$/.test(v) ? Number(v) : v;
}

/**
 * The state of a form that sends one request: busy while it runs, the failed request's problem
 * (with its field messages) afterwards. `run` resolves to whether it worked; with `leaving` it
 * stays busy after success, for a form whose success leaves the page.
 */
export function useSubmit() {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (send: () => Promise<unknown>, { leaving = false } = {}): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await send();
      // A form that leaves the page on success stays busy, so that it is not pressed again meanwhile.
      if (!leaving) setBusy(false);
      return true;
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError) setError(err);
      else throw err;
      return false;
    }
  };
  return { error, busy, run, fields: error?.fieldErrors() ?? {}, stale: error?.status === 412 };
}
