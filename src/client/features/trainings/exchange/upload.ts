import { writeHeaders } from "#client/api/client.ts";
import { i18n } from "#client/i18n.ts";
import type { Problem } from "#shared/contracts/common.ts";
import { urlOf } from "#shared/contracts/route.ts";
import { trainingExchangeRoutes as routes } from "#shared/contracts/routes/trainings-exchange.ts";
import { EXCHANGE_MATERIAL_MAX_BYTES, type ExchangeMaterial } from "#shared/contracts/trainings-exchange.ts";

export const MAX_MB = EXCHANGE_MATERIAL_MAX_BYTES / 1024 / 1024;

/** Types a browser may not know (it sends ""): taken from the name's ending, the server checks the bytes. */
const BY_ENDING: Record<string, string> = {
  txt: "text/plain",
  md: "text/plain",
  csv: "text/plain",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  odp: "application/vnd.oasis.opendocument.presentation",
};

export function mediaTypeOf(file: File): string {
  if (file.type && file.type !== "text/csv" && file.type !== "text/markdown") return file.type;
  return (
    BY_ENDING[file.name.split(".").pop()?.toLowerCase() ?? ""] ?? (file.type || "application/octet-stream")
  );
}

/** POSTs the file as the raw body (as the consents' scanned sheet): type and name go in the headers. */
export async function uploadMaterial(cohortId: string, file: File, title: string): Promise<ExchangeMaterial> {
  let res: Response;
  try {
    res = await fetch(urlOf(routes.uploadFile, { params: { cohortId }, query: { title: title || null } }), {
      method: "POST",
      credentials: "same-origin",
      headers: {
        ...writeHeaders(),
        Accept: "application/json",
        "Content-Type": mediaTypeOf(file),
        "X-File-Name": encodeURIComponent(file.name),
      },
      body: file,
    });
  } catch {
    throw new Error(i18n.t("common.networkError"));
  }
  if (res.ok) return (await res.json()) as ExchangeMaterial;
  const problem = (await res.json().catch(() => null)) as Partial<Problem> | null;
  // A 413 or 415 from a proxy speaks of JSON requests; a file needs its own words.
  if (!problem?.code?.startsWith("trainings.")) {
    if (res.status === 413) throw new Error(i18n.t("errors.trainings.exchange_file_too_large"));
    if (res.status === 415) throw new Error(i18n.t("errors.trainings.exchange_file_type"));
  }
  throw new Error(problem?.detail ?? problem?.title ?? i18n.t("errors.internal"));
}
