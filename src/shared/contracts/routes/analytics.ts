import { z } from "zod";
import {
  AnalyticsQuery,
  CSV_TABLES,
  InterfaceTable,
  NetworkGraph,
  ProcessFlow,
  ProcessTimes,
} from "#shared/contracts/analytics.ts";
import { PROTECTED_PROBLEMS, Problem } from "#shared/contracts/common.ts";
import { defineRoute } from "#shared/contracts/route.ts";

const tags = ["analytics"];
const problems = { ...PROTECTED_PROBLEMS, 422: Problem };
const access = "analytics.read";

/** Routes of the analytics module (issue 6): four views and a CSV file of every table. */
export const analyticsRoutes = {
  interfaces: defineRoute({
    method: "GET",
    path: "/api/analytics/interfaces",
    access,
    tags,
    summary:
      "Per interface: volume, rates, answer and completion times, past-agreed shares; worst bottleneck first",
    query: AnalyticsQuery,
    response: { 200: InterfaceTable, ...problems },
  }),
  network: defineRoute({
    method: "GET",
    path: "/api/analytics/network",
    access,
    tags,
    summary: "The referral network with degree, weighted degree, betweenness and communities",
    query: AnalyticsQuery,
    response: { 200: NetworkGraph, ...problems },
  }),
  flow: defineRoute({
    method: "GET",
    path: "/api/analytics/flow",
    access,
    tags,
    summary: "Directly-follows graph of case pathways, most common variants, Sankey of phase transitions",
    query: AnalyticsQuery,
    response: { 200: ProcessFlow, ...problems },
  }),
  times: defineRoute({
    method: "GET",
    path: "/api/analytics/times",
    access,
    tags,
    summary: "Process times per month and per district",
    query: AnalyticsQuery,
    response: { 200: ProcessTimes, ...problems },
  }),
};

type CsvTable = (typeof CSV_TABLES)[number];

/** The CSV file of one analytics table, for Excel. */
function csvRoute<T extends CsvTable>(table: T) {
  return defineRoute({
    method: "GET",
    path: `/api/analytics/${table}.csv`,
    access,
    tags,
    summary: `The ${table} table as CSV for Excel (semicolon-separated, UTF-8 with BOM, German headers)`,
    query: AnalyticsQuery,
    produces: ["text/csv"],
    response: { 200: z.string().describe("CSV file"), ...problems },
  });
}

/** One CSV route per table of the analytics views, in the order of `CSV_TABLES`. */
export const analyticsCsvRoutes = Object.fromEntries(CSV_TABLES.map((table) => [table, csvRoute(table)])) as {
  readonly [T in CsvTable]: ReturnType<typeof csvRoute<T>>;
};
