// Every table of Lotse, for drizzle-kit (drizzle.config.ts), the migrator and the backup: each
// module owns its tables in src/server/modules/<module>/tables.ts, the platform its own in
// platform/tables.ts. Module code imports tables from their owner's tables.ts, never from here.
export * from "../modules/analytics/tables.ts";
export * from "../modules/cases/tables.ts";
export * from "../modules/consents/tables.ts";
export * from "../modules/finder/tables.ts";
export * from "../modules/hsds/tables.ts";
export * from "../modules/interfaces/tables.ts";
export * from "../modules/notifications/tables.ts";
export * from "../modules/offers/tables.ts";
export * from "../modules/recognition/tables.ts";
export * from "../modules/referrals/tables.ts";
export * from "../modules/sso/tables.ts";
export * from "../platform/tables.ts";
