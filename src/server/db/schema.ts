// Every table of Lotse, for drizzle-kit (drizzle.config.ts), the migrator and the backup: each
// module owns its tables in src/server/modules/<module>/tables.ts, the platform its own in
// platform/tables.ts. Module code imports tables from their owner's tables.ts, never from here.
export * from "#server/modules/analytics/tables.ts";
export * from "#server/modules/cases/tables.ts";
export * from "#server/modules/competences/tables.ts";
export * from "#server/modules/consents/tables.ts";
export * from "#server/modules/finder/tables.ts";
export * from "#server/modules/hsds/tables.ts";
export * from "#server/modules/interfaces/tables.ts";
export * from "#server/modules/notifications/tables.ts";
export * from "#server/modules/offers/tables.ts";
export * from "#server/modules/recognition/tables.ts";
export * from "#server/modules/referrals/tables.ts";
export * from "#server/modules/sso/tables.ts";
export * from "#server/modules/trainings/tables.ts";
export * from "#server/platform/tables.ts";
