import { z } from "zod";
import { OFFER_TYPES } from "#shared/directory.ts";
import { DISTRICT_KEYS } from "#shared/domain.ts";
import { Id } from "./common.ts";

/**
 * Interface analytics (issue 6). Everything here is pseudonymous: organisations, offer types and
 * counts, never a client. Times are in hours of elapsed calendar time (weekends and holidays count)
 * from sending; agreed times are working days, turned into due dates when the referral was sent, so
 * "past the agreed time" means after the end of the due day (Europe/Berlin).
 */

const day = z.iso.date();

/** The filters every analytics view takes. */
export const AnalyticsQuery = z.object({
  from: day
    .optional()
    .describe("First day of the period (referrals sent from then); default one year before `to`"),
  to: day.optional().describe("Last day of the period, inclusive; default today"),
  phase: z.coerce.number().int().min(1).max(5).optional().describe("Only offers serving this phase"),
  offerType: z.enum(OFFER_TYPES).optional().describe("Only offers of this type"),
  district: z
    .enum(DISTRICT_KEYS)
    .optional()
    .describe("Only referrals where the sending or the receiving organisation is in this district"),
});
export type AnalyticsQuery = z.infer<typeof AnalyticsQuery>;

const Period = z.object({ from: day, to: day });
const rate = z.number().nullable().describe("Share between 0 and 1; null without any referral to count");
const hours = z.number().nullable().describe("Hours; null without any referral to measure");

const OrgRef = z.object({
  id: Id,
  name: z.string(),
  type: z.string().describe("Organisation type"),
  districtAgs: z.string().nullable(),
});

const InterfaceFigures = z.object({
  volume: z.number().int().describe("Referrals sent on the interface in the period"),
  acceptanceRate: rate.describe("Accepted ÷ answered (accepted or declined)"),
  completionRate: rate.describe("Completed ÷ accepted"),
  successRate: rate.describe("Completed successfully ÷ completed"),
  medianAnswerHours: hours.describe("Median time from sending to the answer"),
  p90AnswerHours: hours.describe("90th percentile of the time from sending to the answer"),
  medianCompleteHours: hours.describe("Median time from sending to completion"),
  p90CompleteHours: hours.describe("90th percentile of the time from sending to completion"),
  answerPastAgreedShare: rate.describe(
    "Referrals answered after the answer due day, or still unanswered (open, expired, withdrawn) after it",
  ),
  completePastAgreedShare: rate.describe(
    "Accepted referrals completed (or still open) after the complete due day",
  ),
  answerLate: z
    .number()
    .int()
    .describe("Referrals answered after the answer due day, or still unanswered after it"),
  completeLate: z
    .number()
    .int()
    .describe("Accepted referrals completed after the complete due day, or still open after it"),
  medianAnswerOverrunHours: hours.describe(
    "Of the referrals answered late: median time past the end of the answer due day (still open: until now)",
  ),
  medianCompleteOverrunHours: hours.describe(
    "Of the referrals completed late: median time past the end of the complete due day (still open: until now)",
  ),
});

export const InterfaceRow = InterfaceFigures.extend({
  from: OrgRef.describe("Sending organisation"),
  to: OrgRef.describe("Receiving organisation"),
  interface: z
    .object({ id: Id, answerWithinDays: z.number().int(), completeWithinDays: z.number().int() })
    .nullable()
    .describe("The registered interface with its agreed working days; null: network defaults applied"),
  delay: z
    .number()
    .describe(
      "Mean time past the agreed time, in units of the agreed time (answer and completion added); 0 when on time",
    ),
  bottleneckScore: z.number().describe("delay × volume: referrals' worth of agreed time lost; worst first"),
  previous: InterfaceFigures.describe("The same figures for the period of equal length just before"),
  change: z.object({
    volume: z
      .number()
      .nullable()
      .describe("Relative change of the volume (0.1 = +10 %); null without a previous volume"),
    acceptanceRate: z.number().nullable().describe("Difference in the acceptance rate"),
    medianAnswerHours: z.number().nullable().describe("Difference in the median answer time, hours"),
    medianCompleteHours: z.number().nullable().describe("Difference in the median completion time, hours"),
  }),
});
export type InterfaceRow = z.infer<typeof InterfaceRow>;

export const InterfaceTable = z
  .object({ period: Period, previousPeriod: Period, items: z.array(InterfaceRow) })
  .meta({ id: "AnalyticsInterfaceTable" });
export type InterfaceTable = z.infer<typeof InterfaceTable>;

export const NetworkNode = z.object({
  id: Id,
  name: z.string(),
  type: z.string(),
  districtAgs: z.string().nullable(),
  volume: z.number().int().describe("Referrals sent plus received; 0: an organisation without referrals"),
  degree: z.number().int().describe("Distinct partners (in and out)"),
  weightedDegree: z.number().int().describe("Referrals on all edges (in and out)"),
  betweenness: z
    .number()
    .describe("Normalised betweenness centrality (0–1): brokers, single points of failure"),
  community: z
    .number()
    .int()
    .nullable()
    .describe("Louvain community; null for an organisation without referrals in the period (isolated)"),
});
export const NetworkEdge = z.object({
  from: Id,
  to: Id,
  volume: z.number().int().describe("Referrals sent from `from` to `to`"),
});
export const NetworkGraph = z
  .object({
    period: Period,
    nodes: z
      .array(NetworkNode)
      .describe(
        "Organisations with referrals in the period, then the network's other active organisations (the coordination's view) or the actor's own (anyone else's) without any",
      ),
    edges: z.array(NetworkEdge),
    communities: z.number().int().describe("Communities among the organisations with referrals"),
    modularity: z.number().nullable(),
  })
  .meta({ id: "AnalyticsNetwork" });
export type NetworkGraph = z.infer<typeof NetworkGraph>;

const NamedCount = z.object({ name: z.string(), frequency: z.number().int() });
export const ProcessFlow = z
  .object({
    period: Period,
    definition: z
      .string()
      .describe("How activities are named: '<offer type>: <referral state>'; a case is a case pseudonym"),
    cases: z.number().int(),
    events: z.number().int(),
    activities: z.array(NamedCount),
    edges: z.array(
      z.object({
        from: z.string(),
        to: z.string(),
        frequency: z.number().int(),
        medianHours: z.number().describe("Median waiting time between the two events"),
      }),
    ),
    startActivities: z.array(NamedCount),
    endActivities: z.array(NamedCount),
    variants: z
      .array(z.object({ activities: z.array(z.string()), frequency: z.number().int() }))
      .describe("The most common pathways (up to 20)"),
    sankey: z
      .object({
        nodes: z.array(z.object({ name: z.string(), phase: z.number().int() })),
        links: z.array(z.object({ source: z.string(), target: z.string(), value: z.number().int() })),
        backward: z
          .number()
          .int()
          .describe("Transitions to an earlier phase (left out of the acyclic Sankey)"),
      })
      .describe(
        "Transitions between the phases of consecutive referrals of a case (lowest phase of the offer)",
      ),
  })
  .meta({ id: "AnalyticsFlow" });
export type ProcessFlow = z.infer<typeof ProcessFlow>;

const TimeFigures = z.object({
  volume: z.number().int(),
  medianAnswerHours: hours,
  medianCompleteHours: hours,
  answerPastAgreedShare: rate,
});
export const ProcessTimes = z
  .object({
    period: Period,
    months: z.array(TimeFigures.extend({ month: z.string().describe("YYYY-MM, by the day of sending") })),
    districts: z.array(
      TimeFigures.extend({ districtAgs: z.string().describe("District of the receiving organisation") }),
    ),
  })
  .meta({ id: "AnalyticsTimes" });
export type ProcessTimes = z.infer<typeof ProcessTimes>;

export const CSV_TABLES = [
  "interfaces",
  "nodes",
  "edges",
  "flow",
  "variants",
  "months",
  "districts",
] as const;
