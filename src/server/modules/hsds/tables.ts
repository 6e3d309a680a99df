import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";

/** A taxonomy (HSDS taxonomy): Lotse's own (phases, offer types, …) or one that came with an import. */
export const taxonomies = pgTable("taxonomies", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  description: text("description").notNull(),
  uri: text("uri"),
  version: text("version"),
});

/** A term of a taxonomy (HSDS taxonomy_term); labels holds translated names by locale. */
export const taxonomyTerms = pgTable(
  "taxonomy_terms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taxonomyId: uuid("taxonomy_id").references(() => taxonomies.id, { onDelete: "cascade" }),
    code: text("code"),
    name: text("name").notNull(),
    description: text("description").notNull(),
    parentId: uuid("parent_id"),
    language: text("language"),
    termUri: text("term_uri"),
    labels: jsonb("labels").$type<Record<string, string>>(),
  },
  (t) => [index("taxonomy_terms_taxonomy_code_idx").on(t.taxonomyId, t.code)],
);
