import type { FastifyRequest } from "fastify";
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
import type { App, Deps } from "../../deps.ts";
import { ctxOf } from "../../platform/context.ts";
import {
  type CsvTable,
  districtsCsv,
  edgesCsv,
  flowCsv,
  interfacesCsv,
  monthsCsv,
  nodesCsv,
  variantsCsv,
} from "./csv.ts";
import { getInterfaceTable, getNetworkGraph, getProcessFlow, getProcessTimes } from "./service.ts";

const tags = ["analytics"];
const problems = { ...PROTECTED_PROBLEMS, 422: Problem };
const access = "analytics.read";

/** Routes of the analytics module (issue 6): four views and a CSV file of every table. */
export function registerAnalyticsRoutes(app: App, { db }: Deps) {
  const ctx = (request: FastifyRequest<{ Querystring: AnalyticsQuery }>) => ({
    ...ctxOf(db, request),
    query: request.query,
  });

  app.get(
    "/api/analytics/interfaces",
    {
      config: { access },
      schema: {
        tags,
        summary:
          "Per interface: volume, rates, answer and completion times, past-agreed shares; worst bottleneck first",
        querystring: AnalyticsQuery,
        response: { 200: InterfaceTable, ...problems },
      },
    },
    async (request) => getInterfaceTable(ctx(request)),
  );

  app.get(
    "/api/analytics/network",
    {
      config: { access },
      schema: {
        tags,
        summary: "The referral network with degree, weighted degree, betweenness and communities",
        querystring: AnalyticsQuery,
        response: { 200: NetworkGraph, ...problems },
      },
    },
    async (request) => getNetworkGraph(ctx(request)),
  );

  app.get(
    "/api/analytics/flow",
    {
      config: { access },
      schema: {
        tags,
        summary: "Directly-follows graph of case pathways, most common variants, Sankey of phase transitions",
        querystring: AnalyticsQuery,
        response: { 200: ProcessFlow, ...problems },
      },
    },
    async (request) => getProcessFlow(ctx(request)),
  );

  app.get(
    "/api/analytics/times",
    {
      config: { access },
      schema: {
        tags,
        summary: "Process times per month and per district",
        querystring: AnalyticsQuery,
        response: { 200: ProcessTimes, ...problems },
      },
    },
    async (request) => getProcessTimes(ctx(request)),
  );

  const exports: Record<CsvTable, (c: ReturnType<typeof ctx>) => Promise<string>> = {
    interfaces: async (c) => interfacesCsv(await getInterfaceTable(c)),
    nodes: async (c) => nodesCsv(await getNetworkGraph(c)),
    edges: async (c) => edgesCsv(await getNetworkGraph(c)),
    flow: async (c) => flowCsv(await getProcessFlow(c)),
    variants: async (c) => variantsCsv(await getProcessFlow(c)),
    months: async (c) => monthsCsv(await getProcessTimes(c)),
    districts: async (c) => districtsCsv(await getProcessTimes(c)),
  };
  for (const table of CSV_TABLES) {
    app.get(
      `/api/analytics/${table}.csv`,
      {
        config: { access },
        schema: {
          tags,
          summary: `The ${table} table as CSV for Excel (semicolon-separated, UTF-8 with BOM, German headers)`,
          querystring: AnalyticsQuery,
          produces: ["text/csv"],
          response: { 200: z.string().describe("CSV file"), ...problems },
        },
      },
      async (request, reply) => {
        const csv = await exports[table](ctx(request));
        const date = new Date().toISOString().slice(0, 10);
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="analytics-${table}-${date}.csv"`)
          .send(csv);
      },
    );
  }
}
