import { Problem } from "#shared/contracts/common.ts";
import {
  DistrictMap,
  FinderLangQuery,
  FinderOffer,
  FinderOfferParams,
  FinderResults,
  FinderSearchQuery,
} from "#shared/contracts/finder.ts";
import type { App, Deps } from "../../deps.ts";
import { districtMap } from "./district-map.ts";
import { FinderStore } from "./engine/store.ts";
import { getFinderOffer } from "./offer.ts";
import { searchOffers } from "./search.ts";

const tags = ["finder"];

/** The public offer finder: no login, only active offers of active organisations. */
export function registerFinderRoutes(app: App, { db }: Deps) {
  // This instance's search index, brought up to date from PostgreSQL before each search.
  const store = new FinderStore(db);
  app.get(
    "/api/finder/offers",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Search the public offer finder",
        security: [],
        querystring: FinderSearchQuery,
        response: { 200: FinderResults, 400: Problem },
      },
    },
    async (request) => searchOffers({ store, query: request.query }),
  );

  app.get(
    "/api/finder/offers/:id",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "One offer of the public finder, with contact, opening hours, places and accessibility",
        security: [],
        params: FinderOfferParams,
        querystring: FinderLangQuery,
        response: { 200: FinderOffer, 400: Problem, 404: Problem },
      },
    },
    async (request) => getFinderOffer({ db, id: request.params.id, lang: request.query.lang }),
  );

  app.get(
    "/api/finder/districts",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "The 14 districts of Sachsen-Anhalt as SVG paths for the finder's map",
        security: [],
        response: { 200: DistrictMap },
      },
    },
    async () => districtMap(),
  );
}
