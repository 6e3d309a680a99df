import type { Db } from "#server/db/client.ts";
import { rebuildReferralFacts } from "#server/modules/analytics/facts.ts";
import {
  DEMO_HISTORY,
  type GenerateSummary,
  generateNetwork,
  loadDirectory,
} from "#server/modules/analytics/generator/index.ts";

/**
 * Two years of referral history on the demo's own directory, made by the synthetic network
 * generator at small size: cases of the demo organisations (clients named "Synthetisch 000123")
 * referred along the demo's interface register, so that the analytics, the inboxes and the
 * interface figures have something to show. Only into an empty event log — a demo that has been
 * used keeps its own history — and deterministic for the day it runs.
 */
export async function seedDemoHistory(db: Db, now = new Date()): Promise<GenerateSummary | null> {
  const directory = await loadDirectory(db);
  if (!directory.interfaces.length) return null;
  const summary = await generateNetwork(db, {
    ...DEMO_HISTORY,
    orgs: 0,
    now,
    directory,
    onlyIntoEmptyLog: true,
  });
  if (summary) await rebuildReferralFacts(db);
  return summary;
}
