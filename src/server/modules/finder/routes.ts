import type { App, Deps } from "#server/deps.ts";
import { route } from "#server/platform/route.ts";
import { finderRoutes } from "#shared/contracts/routes/finder.ts";
import { districtMap } from "./district-map.ts";
import { FinderStore } from "./engine/store.ts";
import { getFinderOffer } from "./offer.ts";
import { searchOffers } from "./search.ts";

/** The public offer finder: no login, only active offers of active organisations. */
export function registerFinderRoutes(app: App, { db }: Deps) {
  // This instance's search index, brought up to date from PostgreSQL before each search.
  const store = new FinderStore(db);
  route(app, finderRoutes.search, async (request) => searchOffers({ store, query: request.query }));

  route(app, finderRoutes.offer, async (request) =>
    getFinderOffer({ db, id: request.params.id, lang: request.query.lang }),
  );

  route(app, finderRoutes.districts, async () => districtMap());
}
