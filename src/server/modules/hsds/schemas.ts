import fs from "node:fs";
import path from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { referencePath } from "#server/paths.ts";

/** The kinds of HSDS record Lotse exchanges, each validated against its official schema file. */
export type HsdsKind =
  | "organization"
  | "service"
  | "location"
  | "service_at_location"
  | "taxonomy"
  | "taxonomy_term";

const SCHEMA_DIR = referencePath("hsds-3.0", "schema");

let validators: Map<string, ValidateFunction> | undefined;

/**
 * Ajv over the official HSDS 3.0 schema files. The files carry no $schema (draft-07 rules apply)
 * and use Frictionless keywords (constraints, core, …) that strict mode would reject.
 */
function load(): Map<string, ValidateFunction> {
  if (validators) return validators;
  const ajv = new Ajv({ strict: false, allErrors: true });
  // ajv-formats is CommonJS; under Node's ESM its default export is the plugin function.
  const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
  addFormats(ajv);
  for (const file of fs.readdirSync(SCHEMA_DIR)) {
    if (file.endsWith(".json"))
      ajv.addSchema(JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), "utf8")), file);
  }
  validators = new Map();
  for (const kind of [
    "organization",
    "service",
    "location",
    "service_at_location",
    "taxonomy",
    "taxonomy_term",
  ]) {
    const v = ajv.getSchema(`${kind}.json`);
    if (!v) throw new Error(`HSDS schema ${kind}.json missing`);
    validators.set(kind, v);
  }
  return validators;
}

export type SchemaError = { path: string; message: string };

/** The schema errors of one object, each with its JSON Pointer and Ajv's message; empty when valid. */
export function validateHsds(kind: HsdsKind, value: unknown): SchemaError[] {
  const v = load().get(kind);
  if (!v) throw new Error(`no schema for ${kind}`);
  if (v(value)) return [];
  return (v.errors ?? []).map((e: ErrorObject) => ({
    path: e.instancePath,
    message:
      e.keyword === "required"
        ? `must have property '${String(e.params.missingProperty)}'`
        : (e.message ?? e.keyword),
  }));
}
