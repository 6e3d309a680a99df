import type { App, Deps } from "#server/deps.ts";
import { route } from "#server/platform/route.ts";
import { competenceRoutes } from "#shared/contracts/routes/competences.ts";
import { searchEsco } from "./search.ts";

/**
 * The ESCO search of the competence module: skills and occupations by German or English label, for
 * every signed-in role (`esco.search`). The index is reference data held in each instance.
 */
export function registerEscoRoutes(app: App, { db }: Pick<Deps, "db">) {
  route(app, competenceRoutes.escoSkills, async (request) => ({
    items: await searchEsco(db, "skills", request.query),
  }));

  route(app, competenceRoutes.escoOccupations, async (request) => ({
    items: await searchEsco(db, "occupations", request.query),
  }));
}
