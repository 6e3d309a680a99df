import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import type { Database } from "#server/db/open.ts";
import { rebuildReferralFacts } from "./facts.ts";
import { GeneratedDataExists, generateNetwork } from "./generator/index.ts";
import { PLANT_COHORT_MODES, type PlantCohortMode } from "./generator/plant-cohort.ts";

const USAGE = `Usage: npm run lotse -- generate --orgs N --cases N --events N --seed N [--years N] [--replace]
         [--plant-cohort effect|none] [--cohort-orgs N]
  Builds a synthetic network of Sachsen-Anhalt with referral events into the database
  (DATABASE_URL, else the embedded one). A database that already holds generated data is
  refused unless --replace, which deletes the earlier generated data first.
  --plant-cohort plants a completed training cohort of --cohort-orgs (default 8) generated
  organisations: "effect" — they start referring to each other after it; "none" — they do not.`;

function count(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, not ${value}`);
  return n;
}

/** `npm run lotse -- generate …` */
export async function runGenerate(args: string[], open: () => Promise<Database>): Promise<number> {
  let options: Parameters<typeof generateNetwork>[1];
  try {
    const { values } = parseArgs({
      args,
      options: {
        orgs: { type: "string" },
        cases: { type: "string" },
        events: { type: "string" },
        seed: { type: "string" },
        years: { type: "string" },
        replace: { type: "boolean" },
        "plant-cohort": { type: "string" },
        "cohort-orgs": { type: "string" },
      },
    });
    options = {
      orgs: Math.max(11, count(values.orgs, "orgs", 200)),
      cases: count(values.cases, "cases", 100_000),
      events: count(values.events, "events", 1_000_000),
      seed: count(values.seed, "seed", 42),
      years: Math.max(1, count(values.years, "years", 5)),
      replace: values.replace ?? false,
    };
    const plant = values["plant-cohort"];
    if (plant !== undefined) {
      if (!(PLANT_COHORT_MODES as readonly string[]).includes(plant))
        throw new Error(`--plant-cohort must be effect or none, not ${plant}`);
      const size = count(values["cohort-orgs"], "cohort-orgs", 8);
      if (size < 2) throw new Error("--cohort-orgs must be at least 2");
      options.plantCohort = { mode: plant as PlantCohortMode, size };
    } else if (values["cohort-orgs"] !== undefined) {
      throw new Error("--cohort-orgs needs --plant-cohort");
    }
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 64;
  }
  const database = await open();
  const progress = new cliProgress.SingleBar(
    {
      format: "{stage} [{bar}] {percentage}% | {value}/{total} | {eta_formatted}",
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let stage: string | undefined;
  try {
    const summary = await generateNetwork(database.pool, {
      ...options,
      onProgress: (next, done, total) => {
        const label = next === "replace" ? "Removing generated data" : "Referral events";
        if (stage !== label) {
          if (stage) progress.stop();
          progress.start(total, 0, { stage: label });
          stage = label;
        }
        progress.update(done);
      },
    });
    if (stage) progress.stop();
    console.log(
      `Generated ${summary.organisations} organisations, ${summary.offers} offers, ${summary.interfaces} interfaces, ` +
        `${summary.cases} cases, ${summary.referrals} referrals, ${summary.events} referral events ` +
        `(${summary.from} to ${summary.until}, seed ${summary.seed}).`,
    );
    if (summary.replacedOrganisations)
      console.log(`Replaced ${summary.replacedOrganisations} generated organisations.`);
    console.log(`Broker organisation: ${summary.brokerOrganisationId}`);
    for (const f of summary.bottleneckInterfaces)
      console.log(`Planted bottleneck interface: ${f.id} (agreed answer ${f.answerWithinDays} working days)`);
    for (const f of summary.improvingInterfaces) console.log(`Planted improving interface: ${f.id}`);
    const planted = summary.plantedCohort;
    if (planted)
      console.log(
        `Planted training cohort ${planted.cohortId} (${planted.startsOn} to ${planted.endsOn}, ` +
          `${planted.organisationIds.length} organisations, ${planted.participants} participants, ` +
          `${planted.effect ? `${planted.referrals} referrals between them after it` : "no effect"}).`,
      );
    console.log(
      `Loaded in ${(summary.millis / 1000).toFixed(1)} s: ${summary.eventsPerSecond.toLocaleString("en")} events/s.`,
    );
    // The analytics read summaries of the event log; the bulk load bypassed their upkeep.
    const t = performance.now();
    const facts = await rebuildReferralFacts(database.db);
    console.log(
      `Summarised ${facts} referrals for analytics in ${((performance.now() - t) / 1000).toFixed(1)} s.`,
    );
    console.log(
      `Time by step (ms): ${Object.entries(summary.timings)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
    );
    return 0;
  } catch (err) {
    if (stage) progress.stop();
    if (err instanceof GeneratedDataExists) {
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}
