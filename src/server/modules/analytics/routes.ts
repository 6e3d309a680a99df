import type { FastifyRequest } from "fastify";
import type { App, Deps } from "#server/deps.ts";
import { ctxOf } from "#server/platform/context.ts";
import { route } from "#server/platform/route.ts";
import { type AnalyticsQuery, CSV_TABLES } from "#shared/contracts/analytics.ts";
import { analyticsCsvRoutes, analyticsRoutes } from "#shared/contracts/routes/analytics.ts";
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

/** Routes of the analytics module (issue 6): four views and a CSV file of every table. */
export function registerAnalyticsRoutes(app: App, { db }: Deps) {
  const ctx = (request: FastifyRequest<{ Querystring: AnalyticsQuery }>) => ({
    ...ctxOf(db, request),
    query: request.query,
  });

  route(app, analyticsRoutes.interfaces, async (request) => getInterfaceTable(ctx(request)));
  route(app, analyticsRoutes.network, async (request) => getNetworkGraph(ctx(request)));
  route(app, analyticsRoutes.flow, async (request) => getProcessFlow(ctx(request)));
  route(app, analyticsRoutes.times, async (request) => getProcessTimes(ctx(request)));

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
    route(app, analyticsCsvRoutes[table], async (request, reply) => {
      const csv = await exports[table](ctx(request));
      const date = new Date().toISOString().slice(0, 10);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="analytics-${table}-${date}.csv"`)
        .send(csv);
    });
  }
}
