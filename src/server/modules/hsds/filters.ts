import { eq, type SQL, sql } from "drizzle-orm";
import { offers } from "#server/modules/offers/tables.ts";
import { organisations } from "#server/platform/tables.ts";
import { findLotseTerm, LOTSE_TAXONOMIES, lotseTaxonomyId } from "./lotse-taxonomies.ts";

// Lotse's own attributes live in columns; a filter by one of its terms becomes a column condition,
// any other term is looked up in the attributes kept in the offer's HSDS data.

function lotseTermCondition(taxonomy: string, code: string): SQL | undefined {
  switch (taxonomy) {
    case "lotse-iq-phase":
      return sql`${Number(code)}::smallint = any(${offers.phases})`;
    case "lotse-offer-type":
      return sql`${offers.offerType} = ${code}`;
    case "lotse-target-group":
      return sql`${code} = any(${offers.targetGroups})`;
    case "lotse-min-german-level":
      return sql`${offers.minGermanLevel} = ${code}`;
    case "lotse-funding-route":
      return sql`${offers.fundingRoute} = ${code}`;
    case "lotse-free-of-charge":
      return eq(offers.freeOfCharge, code === "true");
    case "lotse-district":
      return sql`${code} = any(${offers.districts})`;
    case "lotse-occupation-field":
      return sql`${code} = any(${offers.occupationFields})`;
    case "lotse-organisation-type":
      return sql`${organisations.type} = ${code}`;
    case "lotse-capacity":
      return code === "available"
        ? sql`${offers.capacityAvailable} is not null`
        : code === "maximum"
          ? sql`${offers.capacityMaximum} is not null`
          : sql`${offers.capacityUpdatedAt} is not null`;
    case "lotse-translation": {
      const [locale, field] = code.split(".");
      return sql`${offers.translations} -> ${locale} ? ${field}`;
    }
    default:
      return undefined;
  }
}

/** Offers with an attribute of this term. */
export function termCondition(termId: string): SQL {
  const lotse = findLotseTerm({ id: termId });
  const condition = lotse && lotseTermCondition(lotse.taxonomy, lotse.code);
  if (condition) return condition;
  return sql`exists (select 1 from jsonb_array_elements(case when jsonb_typeof(${offers.hsds} -> 'attributes') = 'array' then ${offers.hsds} -> 'attributes' else '[]'::jsonb end) a
    where a ->> 'taxonomy_term_id' = ${termId} or a -> 'taxonomy_term' ->> 'id' = ${termId})`;
}

/** Offers with an attribute of any term of this taxonomy. */
export function taxonomyCondition(taxonomyId: string): SQL {
  const lotse = LOTSE_TAXONOMIES.find((t) => lotseTaxonomyId(t.name) === taxonomyId);
  if (lotse) {
    const conditions = lotse.terms
      .map((t) => lotseTermCondition(lotse.name, t.code))
      .filter((c): c is SQL => c !== undefined);
    return sql`(${sql.join(conditions, sql` or `)})`;
  }
  return sql`exists (select 1 from jsonb_array_elements(case when jsonb_typeof(${offers.hsds} -> 'attributes') = 'array' then ${offers.hsds} -> 'attributes' else '[]'::jsonb end) a
    where a -> 'taxonomy_term' ->> 'taxonomy_id' = ${taxonomyId}
       or a ->> 'taxonomy_term_id' in (select id::text from taxonomy_terms where taxonomy_id = ${taxonomyId}))`;
}

/** Words in the offer's name or description (German full text, or a plain substring). */
export function searchCondition(q: string): SQL {
  return sql`(${offers.search} @@ websearch_to_tsquery('german', ${q}) or ${offers.name} ilike ${`%${q.replace(/[\\%_]/g, "\\$&")}%`})`;
}
