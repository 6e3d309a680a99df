import fs from "node:fs";
import rdf from "@zazuko/env-node";
import jsonld from "jsonld";
import SHACLValidator from "rdf-validate-shacl";
import { referencePath } from "#server/paths.ts";

/**
 * Offline SHACL validation of a Europass / ELM v3 credential (decision 016): the JSON-LD document is
 * expanded with the shipped contexts only (reference/elm/, EUPL 1.2; nothing is fetched), turned into
 * RDF and checked against the official EDC application-profile shapes, EDC-generic-full (controlled
 * vocabularies) with the EDC-generic-no-cv graph it owl:imports (structure).
 */

/** The JSON-LD contexts the loader answers, and nothing else. */
export const SHIPPED_CONTEXTS: Readonly<Record<string, string>> = {
  "https://www.w3.org/2018/credentials/v1": "credentials-v1.jsonld",
  "http://data.europa.eu/snb/model/context/edc-ap": "edc-ap-context.jsonld",
};

const SH = "http://www.w3.org/ns/shacl#";
const SH_PROPERTY = rdf.namedNode(`${SH}property`);
const SH_NODE = rdf.namedNode(`${SH}node`);
const SH_NODE_COMPONENT = `${SH}NodeConstraintComponent`;
const FULL_SHAPES = "http://data.europa.eu/snb/model/ap/edc-generic-full";
const NO_CV_SHAPES = "http://data.europa.eu/snb/model/ap/edc-generic-no-cv";

/**
 * What only sealing adds. EDC sealing (JAdES with the issuer's qualified eIDAS e-seal certificate)
 * puts the issuer's eIDAS legal identifier, taken from that certificate, into the credential; Lotse
 * exports unsealed credentials, so the issuer has none. Measured on the shipped shapes: the only
 * result an otherwise complete export gets is this one (the unsigned official samples get it too,
 * plus `issued`, which Lotse fills itself). The result is matched by its exact shape, path and
 * constraint, and only while the issuer has no eIDAS identifier at all: a wrong or a second one is
 * still a violation. The constraint lives in the structure graph (EDC-generic-no-cv, IssuerNodeShape
 * via the credential's cred:issuer property shape), not in the controlled-vocabulary graph.
 */
export const SEALING_ONLY = [
  {
    what: "the issuer's eIDAS legal identifier (elm:eidasLegalIdentifier, IssuerNodeShape)",
    shape: "http://data.europa.eu/snb/model/ap/edc-generic-no-cv/EuropeanDigitalCredential-cred_issuer",
    path: "https://www.w3.org/2018/credentials#issuer",
    constraint: "http://www.w3.org/ns/shacl#NodeConstraintComponent",
    node: "http://data.europa.eu/snb/model/ap/edc-generic-no-cv/IssuerNodeShape",
    /** The result counts as sealing-only only while its value node has no triple with this predicate. */
    absent: "http://data.europa.eu/snb/model/elm/eidasLegalIdentifier",
  },
] as const;

export type ShaclResult = {
  focusNode: string;
  path: string | null;
  /** The source shape: an IRI, or `_:…` for an anonymous property shape. */
  shape: string;
  /** The named shape the source shape belongs to (itself when named). */
  shapeOwner: string | null;
  /** For a node constraint (sh:node): the shape the value failed. */
  node: string | null;
  constraint: string;
  severity: string;
  value: string | null;
  message: string[];
};
export type EuropassValidation = {
  conforms: boolean;
  /** Violations (for `sealed: false`, without the sealing-only ones). */
  results: ShaclResult[];
  /** The results that only sealing would clear (empty for `sealed: true`). */
  sealingOnly: ShaclResult[];
  quads: number;
};

/** The contexts, read once. A URL the product does not ship is an error: no network, ever. */
const contexts = new Map<string, unknown>();
export async function offlineDocumentLoader(url: string) {
  const file = SHIPPED_CONTEXTS[url];
  if (!file) throw new Error(`europass: no shipped JSON-LD document for ${url} (offline loader)`);
  let document = contexts.get(url);
  if (!document) {
    document = JSON.parse(fs.readFileSync(referencePath("elm", file), "utf8"));
    contexts.set(url, document);
  }
  return { contextUrl: undefined, document, documentUrl: url };
}

type Shapes = ReturnType<typeof rdf.dataset>;
let validator: Promise<{ validator: SHACLValidator; shapes: Shapes }> | undefined;
/** Both shape graphs parsed once per process into one shapes graph; the owl:import is satisfied. */
function shaclValidator(): Promise<{ validator: SHACLValidator; shapes: Shapes }> {
  validator ??= (async () => {
    const shapes = rdf.dataset();
    for (const file of ["EDC-generic-no-cv.ttl", "EDC-generic-full.ttl"]) {
      await shapes.import(rdf.fromFile(referencePath("elm", file)));
    }
    const validator = new SHACLValidator(shapes, {
      factory: rdf,
      importGraph: (url) => {
        if (url.value !== NO_CV_SHAPES && url.value !== FULL_SHAPES) {
          throw new Error(`europass: the shapes import ${url.value}, which is not shipped`);
        }
        return rdf.dataset();
      },
    });
    return { validator, shapes };
  })();
  validator.catch(() => {
    validator = undefined;
  });
  return validator;
}

type JsonLdTerm = { termType: string; value: string; language?: string; datatype?: { value: string } };
type JsonLdQuad = Record<"subject" | "predicate" | "object" | "graph", JsonLdTerm>;
function term(t: JsonLdTerm) {
  switch (t.termType) {
    case "NamedNode":
      return rdf.namedNode(t.value);
    case "BlankNode":
      return rdf.blankNode(t.value.replace(/^_:/, ""));
    case "Literal":
      return rdf.literal(t.value, t.language || rdf.namedNode(t.datatype?.value ?? XSD_STRING));
    default:
      return rdf.defaultGraph();
  }
}
const XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";

export type Quad = ReturnType<typeof rdf.quad>;
/** The document as RDF quads, expanded with the shipped contexts only; a term the contexts lack throws. */
export async function europassQuads(doc: object): Promise<Quad[]> {
  const quads = (await jsonld.toRDF(
    doc as jsonld.JsonLdDocument,
    {
      documentLoader: offlineDocumentLoader,
      safe: true,
    } as never,
  )) as unknown as JsonLdQuad[];
  return quads.map((q) =>
    rdf.quad(
      term(q.subject) as never,
      term(q.predicate) as never,
      term(q.object) as never,
      term(q.graph) as never,
    ),
  );
}

function isSealingOnly(result: ShaclResult, quads: Quad[]): boolean {
  return SEALING_ONLY.some(
    (s) =>
      s.shape === result.shape &&
      s.path === result.path &&
      s.constraint === result.constraint &&
      s.node === result.node &&
      result.value !== null &&
      !quads.some((q) => q.subject.value === result.value && q.predicate.value === s.absent),
  );
}

/**
 * Validates a credential. `sealed: false` (the default, Lotse's own unsealed export) reports the
 * SEALING_ONLY results apart; `sealed: true` counts every result.
 */
export async function validateEuropass(
  doc: object,
  options: { sealed?: boolean } = {},
): Promise<EuropassValidation> {
  const quads = await europassQuads(doc);
  const { validator, shapes } = await shaclValidator();
  const report = await validator.validate(rdf.dataset(quads as never));
  const all: ShaclResult[] = report.results.map((r) => {
    const shape = r.sourceShape;
    // An anonymous property shape is named by the shape that holds it; a node constraint by its target.
    const owner =
      shape?.termType === "BlankNode"
        ? [...shapes.match(null, SH_PROPERTY, shape as never)][0]?.subject
        : shape;
    const node = shape ? [...shapes.match(shape as never, SH_NODE, null)][0]?.object : undefined;
    return {
      focusNode: r.focusNode?.value ?? "",
      path: r.path && "value" in r.path ? (r.path.value as string) : null,
      shape: shape?.termType === "BlankNode" ? `_:${shape.value}` : (shape?.value ?? ""),
      shapeOwner: owner?.termType === "NamedNode" ? owner.value : null,
      node: r.sourceConstraintComponent?.value === SH_NODE_COMPONENT && node ? node.value : null,
      constraint: r.sourceConstraintComponent?.value ?? "",
      severity: r.severity?.value ?? "",
      value: r.value?.value ?? null,
      message: r.message.map((m) => m.value),
    };
  });
  const sealingOnly = options.sealed ? [] : all.filter((r) => isSealingOnly(r, quads));
  const results = all.filter((r) => !sealingOnly.includes(r));
  return { conforms: results.length === 0, results, sealingOnly, quads: quads.length };
}
