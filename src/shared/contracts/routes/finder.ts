import { Problem } from "#shared/contracts/common.ts";
import {
  DistrictMap,
  FinderLangQuery,
  FinderOffer,
  FinderOfferParams,
  FinderResults,
  FinderSearchQuery,
} from "#shared/contracts/finder.ts";
import { defineRoute } from "#shared/contracts/route.ts";

const tags = ["finder"];

/** The public offer finder: no login, only active offers of active organisations. */
export const finderRoutes = {
  search: defineRoute({
    method: "GET",
    path: "/api/finder/offers",
    access: "public",
    tags,
    summary: "Search the public offer finder",
    security: [],
    query: FinderSearchQuery,
    response: { 200: FinderResults, 400: Problem },
  }),
  offer: defineRoute({
    method: "GET",
    path: "/api/finder/offers/:id",
    access: "public",
    tags,
    summary: "One offer of the public finder, with contact, opening hours, places and accessibility",
    security: [],
    params: FinderOfferParams,
    query: FinderLangQuery,
    response: { 200: FinderOffer, 400: Problem, 404: Problem },
  }),
  districts: defineRoute({
    method: "GET",
    path: "/api/finder/districts",
    access: "public",
    tags,
    summary: "The 14 districts of Sachsen-Anhalt as SVG paths for the finder's map",
    security: [],
    response: { 200: DistrictMap },
  }),
};
