import { DECLINE_REASONS, type ReferralState, UNSUCCESSFUL_REASONS } from "#shared/referrals.ts";
import type { Calendar } from "./calendar.ts";
import type { Network, SynInterface, SynOffer, SynOrganisation } from "./model.ts";
import type { Random } from "./random.ts";

/**
 * Cases and their referrals over the years: each case opens at one organisation, which refers
 * the person along its interfaces to offers of the next phases; every referral's moves follow the
 * state machine, timed by log-normal durations in working days around the interface's agreed times.
 * Rows come out as tab-separated COPY lines, chunk by chunk.
 */

export type Rows = {
  clients: string[];
  cases: string[];
  caseEvents: string[];
  referrals: string[];
  events: string[];
};
export const emptyRows = (): Rows => ({ clients: [], cases: [], caseEvents: [], referrals: [], events: [] });

type Move = {
  from: ReferralState | null;
  to: ReferralState;
  at: number;
  role: string;
  reason: string | null;
};

const N = "\\N";
const iso = (ms: number) => new Date(ms).toISOString();
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** Working days per month, to step the improving interfaces month by month. */
const MONTH = 21;
/** Working days after the answer was due before an unanswered referral expires (network default). */
const EXPIRE_AFTER = 10;

export type PathwayContext = {
  random: Random;
  network: Network;
  calendar: Calendar;
  /** Cumulative case weights of the organisations that have outgoing interfaces. */
  senders: { org: number; cumulative: number }[];
  ids: { client: (n: number) => string; case: (n: number) => string; referral: (n: number) => string };
  /** Referrals made so far: numbers the referral ids. */
  referralCount: number;
};

export function sendersOf(network: Network): PathwayContext["senders"] {
  let sum = 0;
  return network.organisations.flatMap((o, org) => {
    if (!o.outgoing.length) return [];
    sum += o.caseWeight;
    return [{ org, cumulative: sum }];
  });
}

function pickSender(ctx: PathwayContext): number {
  const last = ctx.senders[ctx.senders.length - 1]?.cumulative ?? 0;
  const x = ctx.random.next() * last;
  let lo = 0;
  let hi = ctx.senders.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ctx.senders[mid]?.cumulative ?? 0) > x) hi = mid;
    else lo = mid + 1;
  }
  return ctx.senders[lo]?.org ?? 0;
}

function pseudonym(random: Random, prefix: "K" | "F"): string {
  let s = `${prefix}-`;
  for (let i = 0; i < 8; i++) s += ALPHABET[random.int(32)];
  return s;
}

/** How much slower than usual an interface answers at a position in time. */
function slowness(f: SynInterface, position: number, months: number): number {
  if (f.kind === "bottleneck") return 3.5;
  if (f.kind === "improving") {
    // From three times slower at the start down to brisk by today, one step per month.
    const month = Math.floor(position / MONTH);
    return 3 - 2.5 * Math.min(1, month / Math.max(1, months));
  }
  return 1;
}

/** The moves of one referral sent at `t`, including those after today (cut by the caller). */
function simulateReferral(ctx: PathwayContext, f: SynInterface, t: number): Move[] {
  const { random, calendar } = ctx;
  const slow = slowness(f, t, calendar.length / MONTH);
  const moves: Move[] = [{ from: null, to: "sent", at: t, role: "counsellor", reason: null }];
  const expiresAt = t + f.answerDays + EXPIRE_AFTER + random.next();
  const r = random.next();
  const acceptShare = f.kind === "bottleneck" ? 0.72 : 0.8;
  if (r < acceptShare + 0.1) {
    const answered = t + Math.max(0.02, random.logNormal(0.55 * f.answerDays * slow, 0.7));
    if (answered >= expiresAt) {
      moves.push({ from: "sent", to: "expired", at: expiresAt, role: "system", reason: null });
      return moves;
    }
    if (r >= acceptShare) {
      moves.push({
        from: "sent",
        to: "declined",
        at: answered,
        role: "counsellor",
        reason: random.pick(DECLINE_REASONS),
      });
      return moves;
    }
    moves.push({ from: "sent", to: "accepted", at: answered, role: "counsellor", reason: null });
    const next = random.next();
    if (next < 0.07) {
      moves.push({
        from: "accepted",
        to: "withdrawn",
        at: answered + random.logNormal(4, 0.8),
        role: "counsellor",
        reason: null,
      });
      return moves;
    }
    const done = Math.max(answered + 0.1, t + random.logNormal(0.7 * f.completeDays * Math.sqrt(slow), 0.5));
    let from: ReferralState = "accepted";
    if (next >= 0.12) {
      const started = answered + Math.min(done - answered, random.logNormal(2, 0.6)) * 0.9;
      moves.push({ from, to: "in_progress", at: started, role: "counsellor", reason: null });
      from = "in_progress";
    }
    const successful = random.chance(0.7);
    moves.push({
      from,
      to: "completed",
      at: done,
      role: "counsellor",
      reason: successful ? "successful" : random.pick(UNSUCCESSFUL_REASONS),
    });
    return moves;
  }
  if (r < acceptShare + 0.13) {
    moves.push({
      from: "sent",
      to: "withdrawn",
      at: t + Math.min(f.answerDays, random.logNormal(1.5, 0.8)),
      role: "counsellor",
      reason: null,
    });
    return moves;
  }
  moves.push({ from: "sent", to: "expired", at: expiresAt, role: "system", reason: null });
  return moves;
}

/** The offer of the receiver a case in `phase` is referred to: the next phase ahead, if any. */
function pickOffer(random: Random, receiver: SynOrganisation, phase: number): SynOffer {
  const ahead = receiver.offers.filter((o) => (o.phases[o.phases.length - 1] ?? 0) >= phase);
  return random.pick(ahead.length ? ahead : receiver.offers);
}

function pickInterface(random: Random, org: SynOrganisation): SynInterface {
  return org.outgoing[random.weighted(org.outgoing.map((f) => f.weight))] as SynInterface;
}

export type CaseResult = { events: number; referrals: number; caseEvents: number };

/**
 * One client with one case and its referrals, appended to `rows`. `budget` is the number of
 * referral events the case should produce; `cap` the hard limit left in the whole run.
 */
export function generateCase(
  ctx: PathwayContext,
  rows: Rows,
  index: number,
  budget: number,
  cap: number,
  opened: number,
): CaseResult {
  const { random, network, calendar } = ctx;
  const orgIndex = pickSender(ctx);
  const org = network.organisations[orgIndex] as SynOrganisation;
  const clientId = ctx.ids.client(index);
  const caseId = ctx.ids.case(index);
  const casePseudonym = pseudonym(random, "F");
  const openedAt = iso(calendar.at(opened));
  rows.clients.push(
    [
      clientId,
      org.id,
      pseudonym(random, "K"),
      `Synthetisch ${String(index + 1).padStart(6, "0")}`,
      "t",
      org.district,
      openedAt,
      openedAt,
    ].join("\t"),
  );
  let phase = random.chance(0.75) ? 1 : 2;
  let caseEvents = 1;
  rows.caseEvents.push([caseId, openedAt, "case_opened", `{"phase":${phase}}`].join("\t"));

  let t = opened + random.logNormal(3, 0.8);
  let events = 0;
  let referrals = 0;
  let lastAt = opened;
  let lastState: ReferralState | null = null;
  let lastSuccess = false;
  while (events < budget && events < cap && t < calendar.today) {
    const f = pickInterface(random, org);
    const receiver = network.organisations[f.to] as SynOrganisation;
    const offer = pickOffer(random, receiver, phase);
    const target = offer.phases.find((p) => p >= phase) ?? phase;
    if (target > phase) {
      rows.caseEvents.push(
        [caseId, iso(calendar.at(t)), "phase_changed", `{"from":${phase},"to":${target}}`].join("\t"),
      );
      caseEvents++;
      phase = target;
    }
    const moves = simulateReferral(ctx, f, t);
    let kept = 0;
    while (kept < moves.length && (moves[kept]?.at ?? 0) <= calendar.today && events + kept < cap) kept++;
    if (kept === 0) break;
    const referralId = ctx.ids.referral(ctx.referralCount++);
    const head = `${referralId}\t${casePseudonym}\t${org.id}\t${receiver.id}\t${offer.id}\t${offer.offerType}\t${f.id}\t`;
    for (let k = 0; k < kept; k++) {
      const m = moves[k] as Move;
      rows.events.push(
        `${head}${m.from ?? N}\t${m.to}\t${m.role}\t${m.reason ?? N}\t${iso(calendar.at(m.at))}`,
      );
    }
    const last = moves[kept - 1] as Move;
    const answer =
      moves[1] && kept > 1 && (moves[1].to === "accepted" || moves[1].to === "declined")
        ? moves[1]
        : undefined;
    const closing = ["completed", "declined", "withdrawn", "expired"].includes(last.to);
    const sentAt = iso(calendar.at(t));
    rows.referrals.push(
      [
        referralId,
        caseId,
        org.id,
        receiver.id,
        offer.id,
        offer.name,
        f.id,
        last.to,
        last.to === "completed" ? (last.reason === "successful" ? "successful" : "not_successful") : N,
        last.to === "completed" && last.reason !== "successful" ? last.reason : N,
        last.to === "declined" ? last.reason : N,
        sentAt,
        calendar.dayAfter(t, f.answerDays),
        calendar.dayAfter(t, f.completeDays),
        answer ? iso(calendar.at(answer.at)) : N,
        closing ? iso(calendar.at(last.at)) : N,
        String(kept),
        sentAt,
        iso(calendar.at(last.at)),
      ].join("\t"),
    );
    events += kept;
    referrals++;
    lastAt = last.at;
    lastState = last.to;
    lastSuccess = last.reason === "successful";
    // The next step: soon after a completed offer, sooner still after a refusal.
    t = last.at + random.logNormal(last.to === "completed" ? 8 : 3, 0.7);
  }
  // A case whose last referral ended long ago is closed; the rest are still counselled.
  const closed =
    lastState !== null &&
    lastState !== "sent" &&
    lastState !== "accepted" &&
    lastState !== "in_progress" &&
    lastAt + 60 < calendar.today;
  const outcome = closed
    ? lastSuccess
      ? phase >= 5
        ? "employed"
        : phase >= 3
          ? "in_qualification"
          : "referred_on"
      : random.pick(["client_withdrew", "client_unreachable", "other"])
    : null;
  const closedAt = closed ? iso(calendar.at(lastAt + 5 + random.next() * 20)) : N;
  rows.cases.push(
    [
      caseId,
      org.id,
      clientId,
      casePseudonym,
      closed ? "closed" : "open",
      outcome ?? N,
      String(phase),
      openedAt,
      closedAt,
      openedAt,
      closed ? closedAt : iso(calendar.at(lastAt)),
    ].join("\t"),
  );
  return { events, referrals, caseEvents };
}
