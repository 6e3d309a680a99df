import { useState } from "react";
import { notifyError } from "#client/components/notify.ts";

/**
 * Runs an action outside a form (a button in a list or a menu); a failure shows as a notification
 * with the server's message. `after` runs either way. Resolves to whether it worked.
 */
export async function attempt(send: () => Promise<unknown>, after?: () => void): Promise<boolean> {
  try {
    await send();
    return true;
  } catch (err) {
    notifyError(err);
    return false;
  } finally {
    after?.();
  }
}

/** `attempt` with a busy flag, for a button that shows it is working. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const act = async (send: () => Promise<unknown>, after?: () => void): Promise<boolean> => {
    setBusy(true);
    return attempt(send, () => {
      setBusy(false);
      after?.();
    });
  };
  return { busy, act };
}
