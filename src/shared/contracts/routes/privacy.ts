import { z } from "zod";
import { ClientParams } from "#shared/contracts/clients.ts";
import { BinaryFile, PROTECTED_PROBLEMS } from "#shared/contracts/common.ts";
import { ClientExport } from "#shared/contracts/privacy.ts";
import { defineRoute } from "#shared/contracts/route.ts";

const tags = ["privacy"];
const problems = PROTECTED_PROBLEMS;

/** Routes of the privacy module. */
export const privacyRoutes = {
  export: defineRoute({
    method: "GET",
    path: "/api/clients/:clientId/export",
    access: "client.export",
    tags,
    summary: "Everything Lotse holds on a client, machine-readable (Art. 15 DSGVO)",
    params: ClientParams,
    response: { 200: ClientExport, ...problems },
  }),
  exportPdf: defineRoute({
    method: "GET",
    path: "/api/clients/:clientId/export.pdf",
    access: "client.export",
    tags,
    summary: "Everything Lotse holds on a client, as a readable German document (Art. 15 DSGVO)",
    params: ClientParams,
    produces: ["application/pdf"],
    response: { 200: BinaryFile.describe("PDF document"), ...problems },
  }),
  erase: defineRoute({
    method: "DELETE",
    path: "/api/clients/:clientId",
    access: "client.erase",
    tags,
    summary: "Erase a client and everything that hangs on it, for good (Art. 17 DSGVO)",
    params: ClientParams,
    response: { 204: z.null(), ...problems },
  }),
};
