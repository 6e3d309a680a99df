import type { Spec } from "./offer-catalogue.ts";
import { COMMUNITY_CATALOGUE, MIGRANT_CATALOGUE } from "./offer-catalogue-community.ts";
import { PROVIDER_CATALOGUE } from "./offer-catalogue-providers.ts";
import { PUBLIC_CATALOGUE } from "./offer-catalogue-public.ts";

/** Offers of the partner organisations, by key; see offer-catalogue.ts for the counselling services. */
export const PARTNER_CATALOGUE: Record<string, Spec[]> = {
  ...PUBLIC_CATALOGUE,
  ...MIGRANT_CATALOGUE,
  ...PROVIDER_CATALOGUE,
  ...COMMUNITY_CATALOGUE,
};
