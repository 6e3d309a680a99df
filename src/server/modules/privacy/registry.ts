import { CASE_HOLDINGS } from "#server/modules/cases/personal-data.ts";
import { COMPETENCE_HOLDINGS } from "#server/modules/competences/personal-data.ts";
import { CONSENT_HOLDINGS } from "#server/modules/consents/personal-data.ts";
import { NOTIFICATION_HOLDINGS } from "#server/modules/notifications/personal-data.ts";
import { RECOGNITION_HOLDINGS } from "#server/modules/recognition/personal-data.ts";
import { REFERRAL_HOLDINGS } from "#server/modules/referrals/personal-data.ts";
import type { Holding } from "#server/platform/personal-data.ts";

/**
 * The modules that hold personal data of a client, each with the holdings it declares in its own
 * personal-data.ts. A new module with such data writes its declaration and adds one line here, in
 * an order where every holding comes after its parent; the export lists them in this order.
 */
export const PERSONAL_DATA: readonly (readonly Holding[])[] = [
  CASE_HOLDINGS,
  CONSENT_HOLDINGS,
  RECOGNITION_HOLDINGS,
  REFERRAL_HOLDINGS,
  NOTIFICATION_HOLDINGS,
  COMPETENCE_HOLDINGS,
];
