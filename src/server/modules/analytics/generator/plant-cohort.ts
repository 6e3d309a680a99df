import type pg from "pg";
import { NETWORK_WINDOW_DAYS } from "#shared/trainings.ts";
import { createRandom } from "./random.ts";

/**
 * A planted training cohort (issue 15, "The network effect"): a completed cohort of a synthetic
 * programme with participants from `size` generated organisations, so that the network effect of a
 * cohort can be checked on generated data. With `effect`, the participants' organisations start
 * referring to each other after the cohort ends: referrals between most ordered pairs of them in
 * the window after it, answered quickly and completed — the links a training is meant to build.
 * Without it (`none`) the cohort is planted the same way and the organisations refer only as the
 * generated history has them do, so the figure must show no effect.
 *
 * The cohort ends NETWORK_WINDOW_DAYS.default + 14 days before the generated "today", so that both
 * windows lie in the generated past. Participants are marked like every generated record ("Synthetisch
 * Teilnehmende 001", addresses under example.invalid); the programme carries PLANTED_PROGRAMME_KEY,
 * by which a replacing run removes the cohort before the organisations it stands on.
 */

export const PLANT_COHORT_MODES = ["effect", "none"] as const;
export type PlantCohortMode = (typeof PLANT_COHORT_MODES)[number];

export const PLANTED_PROGRAMME_KEY = "synthetic-network-effect";

export type PlantedCohort = {
  cohortId: string;
  programmeId: string;
  effect: boolean;
  startsOn: string;
  endsOn: string;
  organisationIds: string[];
  participants: number;
  /** Referrals planted between the cohort's organisations after it (0 without effect). */
  referrals: number;
  events: number;
};

const DAY = 86_400_000;
const HOUR = 3_600_000;
const COHORT_DAYS = 56;
/** Share of the ordered pairs of the cohort's organisations that start referring after it. */
const PAIR_SHARE = 0.7;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Removes planted cohorts and their programme (before their organisations are removed). */
export async function removePlantedCohorts(client: pg.PoolClient): Promise<void> {
  const programme = "select id from training_programmes where key = $1";
  await client.query(`delete from training_cohorts where programme_id in (${programme})`, [
    PLANTED_PROGRAMME_KEY,
  ]);
  await client.query("delete from training_programmes where key = $1", [PLANTED_PROGRAMME_KEY]);
}

type Org = { id: string; name: string; type: string };

/**
 * Plants the cohort on the main connection (directory, cases, referrals, training tables) and its
 * referral events on the log connection, inside the generator's two transactions.
 */
export async function plantCohort(
  main: pg.PoolClient,
  log: pg.PoolClient,
  opts: { mode: PlantCohortMode; size: number; seed: number; now: Date; organisationIds: string[] },
): Promise<PlantedCohort> {
  const random = createRandom((opts.seed ^ 0x7c0b0e) >>> 0);
  // Candidates: generated organisations that have a case to refer from, an active offer to be
  // referred to, and took part in the generated history at all; the coordination is not a participant.
  const { rows: candidates } = await main.query<Org>(
    `select o.id, o.name, o.type from organisations o
     where o.id = any($1::uuid[]) and o.status = 'active' and o.type <> 'network_coordination'
       and exists (select 1 from cases c where c.organisation_id = o.id)
       and exists (select 1 from offers f where f.organisation_id = o.id and f.status = 'active')
       and exists (select 1 from referrals r where r.from_organisation_id = o.id or r.to_organisation_id = o.id)
     order by o.name, o.id`,
    [opts.organisationIds],
  );
  const pool = [...candidates];
  const chosen: Org[] = [];
  while (chosen.length < opts.size && pool.length > 0)
    chosen.push(pool.splice(random.int(pool.length), 1)[0] as Org);
  if (chosen.length < 2) throw new Error("generate: too few organisations with history to plant a cohort");
  chosen.sort((a, b) => a.name.localeCompare(b.name, "de") || a.id.localeCompare(b.id));

  const today = Date.UTC(opts.now.getUTCFullYear(), opts.now.getUTCMonth(), opts.now.getUTCDate());
  const endsOn = today - (NETWORK_WINDOW_DAYS.default + 14) * DAY;
  const startsOn = endsOn - COHORT_DAYS * DAY;

  const { rows: programmes } = await main.query<{ id: string }>(
    `insert into training_programmes (key, title, description, target_groups, modules, hours)
     values ($1, 'Netzwerkwirkung (synthetisch)', 'Synthetisches Programm des Generators', 'Synthetisch', 8, 24)
     on conflict (key) do update set title = excluded.title returning id`,
    [PLANTED_PROGRAMME_KEY],
  );
  const programmeId = programmes[0]?.id as string;
  const { rows: coordination } = await main.query<{ id: string }>(
    `select id from organisations where type = 'network_coordination' and status = 'active'
     order by hsds @> '{"synthetic": true}', name, id limit 1`,
  );
  const organiser = coordination[0]?.id ?? (chosen[0] as Org).id;
  const { rows: cohorts } = await main.query<{ id: string }>(
    `insert into training_cohorts (programme_id, organisation_id, title, starts_on, ends_on, location, capacity,
       registration_open, status)
     values ($1, $2, $3, $4, $5, 'Magdeburg (synthetisch)', 30, false, 'completed') returning id`,
    [
      programmeId,
      organiser,
      `Kohorte ${opts.seed} ${opts.mode === "effect" ? "mit" : "ohne"} Wirkung (synthetisch)`,
      isoDay(startsOn),
      isoDay(endsOn),
    ],
  );
  const cohortId = cohorts[0]?.id as string;

  const people: unknown[][] = [];
  for (const org of chosen) {
    const n = 1 + random.int(2);
    for (let k = 0; k < n; k++) {
      const number = String(people.length + 1).padStart(3, "0");
      people.push([
        `Synthetisch Teilnehmende ${number}`,
        `synthetisch-${opts.seed}-${number}@example.invalid`,
        org.id,
        org.name,
        org.type,
        org.type === "migrant_organisation" ? "volunteer" : "staff",
      ]);
    }
  }
  await main.query(
    `insert into training_participants (cohort_id, name, email, organisation_id, organisation_name,
       organisation_type, role, status)
     select $1, p.name, p.email, p.org::uuid, p.org_name, p.org_type, p.role, 'enrolled'
     from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
       as p(name, email, org, org_name, org_type, role)`,
    [cohortId, ...[0, 1, 2, 3, 4, 5].map((i) => people.map((p) => p[i]))],
  );

  const planted: PlantedCohort = {
    cohortId,
    programmeId,
    effect: opts.mode === "effect",
    startsOn: isoDay(startsOn),
    endsOn: isoDay(endsOn),
    organisationIds: chosen.map((o) => o.id),
    participants: people.length,
    referrals: 0,
    events: 0,
  };
  if (opts.mode === "effect")
    Object.assign(planted, await plantLinks(main, log, random, chosen, endsOn, today));
  return planted;
}

/** Referrals between the cohort's organisations in the window after its end. */
async function plantLinks(
  main: pg.PoolClient,
  log: pg.PoolClient,
  random: ReturnType<typeof createRandom>,
  orgs: Org[],
  endsOn: number,
  today: number,
): Promise<{ referrals: number; events: number }> {
  const ids = orgs.map((o) => o.id);
  const { rows: cases } = await main.query<{ id: string; org: string; pseudonym: string }>(
    `select id, organisation_id as org, pseudonym from cases where organisation_id = any($1::uuid[]) order by id`,
    [ids],
  );
  const { rows: offers } = await main.query<{ id: string; org: string; name: string; type: string | null }>(
    `select id, organisation_id as org, name, offer_type as type from offers
     where organisation_id = any($1::uuid[]) and status = 'active' order by id`,
    [ids],
  );
  const referrals: unknown[][] = [];
  const events: unknown[][] = [];
  for (const from of orgs) {
    const own = cases.filter((c) => c.org === from.id);
    for (const to of orgs) {
      if (from.id === to.id || !random.chance(PAIR_SHARE)) continue;
      const theirs = offers.filter((o) => o.org === to.id);
      const times = 1 + random.int(3);
      for (let k = 0; k < times; k++) {
        const c = random.pick(own);
        const offer = random.pick(theirs);
        const sent =
          endsOn + (3 + random.int(NETWORK_WINDOW_DAYS.default - 30)) * DAY + (9 + random.int(6)) * HOUR;
        const accepted = sent + random.logNormal(20, 0.5) * HOUR;
        const completed = accepted + (14 + random.int(30)) * DAY;
        const done = completed < today;
        const id = random.uuid();
        referrals.push([
          id,
          c.id,
          from.id,
          to.id,
          offer.id,
          offer.name,
          done ? "completed" : "accepted",
          done ? "successful" : null,
          new Date(sent).toISOString(),
          new Date(accepted).toISOString(),
          done ? new Date(completed).toISOString() : null,
          done ? 3 : 2,
          new Date(done ? completed : accepted).toISOString(),
        ]);
        const event = (fromState: string | null, toState: string, reason: string | null, at: number) =>
          events.push([
            id,
            c.pseudonym,
            from.id,
            to.id,
            offer.id,
            offer.type,
            fromState,
            toState,
            reason,
            new Date(at).toISOString(),
          ]);
        event(null, "sent", null, sent);
        event("sent", "accepted", null, accepted);
        if (done) event("accepted", "completed", "successful", completed);
      }
    }
  }
  if (!referrals.length) return { referrals: 0, events: 0 };
  const column = (rows: unknown[][], i: number) => rows.map((r) => r[i]);
  await main.query(
    `insert into referrals (id, case_id, from_organisation_id, to_organisation_id, offer_id, offer_name,
       without_interface, state, outcome, sent_at, answered_at, closed_at, version, created_at, updated_at)
     select r.id, r.case_id, r.from_org, r.to_org, r.offer_id, r.offer_name, true, r.state, r.outcome,
       r.sent_at, r.answered_at, r.closed_at, r.version, r.sent_at, r.updated_at
     from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[],
       $9::timestamptz[], $10::timestamptz[], $11::timestamptz[], $12::int[], $13::timestamptz[])
       as r(id, case_id, from_org, to_org, offer_id, offer_name, state, outcome, sent_at, answered_at, closed_at,
         version, updated_at)`,
    Array.from({ length: 13 }, (_, i) => column(referrals, i)),
  );
  await log.query(
    `insert into referral_events (referral_id, case_pseudonym, from_organisation_id, to_organisation_id, offer_id,
       offer_type, from_state, to_state, actor_role, reason, at)
     select e.referral_id, e.pseudonym, e.from_org, e.to_org, e.offer_id, e.offer_type, e.from_state, e.to_state,
       'counsellor', e.reason, e.at
     from unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[],
       $9::text[], $10::timestamptz[])
       as e(referral_id, pseudonym, from_org, to_org, offer_id, offer_type, from_state, to_state, reason, at)`,
    Array.from({ length: 10 }, (_, i) => column(events, i)),
  );
  return { referrals: referrals.length, events: events.length };
}
