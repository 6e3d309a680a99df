import { type SQL, sql } from "drizzle-orm";

/**
 * Due dates are calendar days in Sachsen-Anhalt: "overdue" flips at midnight German time, not at
 * midnight UTC or whatever zone the database server runs in.
 */
export const TIME_ZONE = "Europe/Berlin";

/** Today's date where the network works, as a SQL expression. */
export const today: SQL = sql`(now() at time zone ${sql.raw(`'${TIME_ZONE}'`)})::date`;

/** The date `days` days from today, as a SQL expression. */
export const daysFromToday = (days: number): SQL => sql`(${today} + ${sql.raw(String(Math.trunc(days)))})`;
