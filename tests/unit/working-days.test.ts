import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  berlinDay,
  easterSunday,
  holidaysOf,
  isWorkingDay,
  workingDaysBetween,
} from "../../src/server/modules/interfaces/working-days.ts";

describe("working days in Sachsen-Anhalt", () => {
  it("knows Easter of several years", () => {
    expect(easterSunday(2024).toISOString().slice(0, 10)).toBe("2024-03-31");
    expect(easterSunday(2025).toISOString().slice(0, 10)).toBe("2025-04-20");
    expect(easterSunday(2026).toISOString().slice(0, 10)).toBe("2026-04-05");
    expect(easterSunday(2027).toISOString().slice(0, 10)).toBe("2027-03-28");
  });

  it("lists the eleven holidays of the state, with Epiphany and Reformation Day but no Corpus Christi", () => {
    const h = holidaysOf(2026);
    expect([...h].sort()).toEqual([
      "2026-01-01",
      "2026-01-06",
      "2026-04-03",
      "2026-04-06",
      "2026-05-01",
      "2026-05-14",
      "2026-05-25",
      "2026-10-03",
      "2026-10-31",
      "2026-12-25",
      "2026-12-26",
    ]);
    expect(h.has("2026-06-04")).toBe(false); // Fronleichnam is not a holiday here
  });

  it("skips weekends and holidays when adding working days", () => {
    expect(isWorkingDay("2026-11-27")).toBe(true); // Friday
    expect(isWorkingDay("2026-11-28")).toBe(false); // Saturday
    expect(addWorkingDays("2026-11-27", 1)).toBe("2026-11-30");
    expect(addWorkingDays("2026-11-25", 5)).toBe("2026-12-02");
    // Christmas: 24 Dec (Thu) + 1 → 25/26 are holidays, 26 is Saturday → Monday 28th.
    expect(addWorkingDays("2026-12-24", 1)).toBe("2026-12-28");
    // Easter 2026: Thursday 2 April + 1 skips Good Friday, the weekend and Easter Monday.
    expect(addWorkingDays("2026-04-02", 1)).toBe("2026-04-07");
    // Starting on a Sunday counts from the next working day.
    expect(addWorkingDays("2026-11-29", 0)).toBe("2026-11-30");
  });

  it("counts working days between two dates", () => {
    expect(workingDaysBetween("2026-11-25", "2026-12-02")).toBe(5);
    expect(workingDaysBetween("2026-12-02", "2026-11-25")).toBe(-5);
    expect(workingDaysBetween("2026-12-23", "2026-12-31")).toBe(5); // 24, 28, 29, 30, 31
  });

  it("gives the German calendar day around midnight UTC", () => {
    expect(berlinDay(new Date("2026-11-25T23:30:00Z"))).toBe("2026-11-26");
    expect(berlinDay(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
    expect(berlinDay(new Date("2026-07-01T22:00:00Z"))).toBe("2026-07-02");
  });
});
