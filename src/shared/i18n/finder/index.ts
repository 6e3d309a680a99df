import type { FinderLocale } from "#shared/directory.ts";
import ar from "./ar.json" with { type: "json" };
import de from "./de.json" with { type: "json" };
import en from "./en.json" with { type: "json" };
import fa from "./fa.json" with { type: "json" };
import ru from "./ru.json" with { type: "json" };
import tr from "./tr.json" with { type: "json" };
import uk from "./uk.json" with { type: "json" };

/** The public finder's catalogues (server labels, tests); the finder client loads one at a time. */
export const finderResources = { de, en, ar, uk, ru, fa, tr } as const satisfies Record<
  FinderLocale,
  unknown
>;

export type FinderCatalogue = typeof de;
