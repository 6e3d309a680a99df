import { describe, expect, it } from "vitest";
import { seedDemoReferrals } from "../../src/server/demo/referrals.ts";
import { DEMO_PASSWORD, seedDemo } from "../../src/server/demo/seed.ts";
import { createTestApp } from "../helpers/app.ts";

const t = await createTestApp();
expect(await seedDemo(t.db)).toBe(true);
expect(await seedDemoReferrals(t.db)).toBe(8);

type Item = { id: string; state: string; overdue: boolean; casePseudonym: string };

describe("the demo's referrals", () => {
  it("give the demo counsellor an outgoing list with waiting, overdue and answered referrals", async () => {
    const counsellor = await t.loginAs("beratung@lotse.example", DEMO_PASSWORD);
    const list = (await counsellor.request("GET", "/api/referrals/outgoing")).json() as { items: Item[] };
    const states = new Set(list.items.map((r) => r.state));
    expect(list.items.length).toBeGreaterThanOrEqual(3);
    expect(list.items.some((r) => r.overdue)).toBe(true);
    expect(list.items.some((r) => r.state === "sent" && !r.overdue)).toBe(true);
    expect(states.has("accepted") || states.has("declined") || states.has("completed")).toBe(true);
    const counts = (await counsellor.request("GET", "/api/referrals/outgoing/counts")).json();
    expect(counts.overdue).toBeGreaterThan(0);
    expect(counts.open).toBeGreaterThan(counts.overdue);

    // Each went under a consent: the receiver sees the data the consent covers, and the loop's history.
    const first = list.items.find((r) => r.state === "sent");
    const detail = (await counsellor.request("GET", `/api/referrals/${first?.id}`)).json();
    expect(detail.consentOverride).toBe(false);
    expect(detail.sharedItems.length).toBeGreaterThan(0);
    const events = (await counsellor.request("GET", `/api/referrals/${first?.id}/events`)).json();
    expect(events.items.map((e: { toState: string }) => e.toState)).toEqual(["sent"]);
  });

  it("give the demo volunteer a referral of an assigned case, and nothing of other cases", async () => {
    const volunteer = await t.loginAs("ehrenamt@lotse.example", DEMO_PASSWORD);
    const own = (await volunteer.request("GET", "/api/referrals/outgoing")).json() as { items: Item[] };
    expect(own.items).toHaveLength(1);
    expect(own.items[0]?.overdue).toBe(true);
    const cases = (await volunteer.request("GET", "/api/cases?limit=50")).json() as {
      items: { pseudonym: string }[];
    };
    const assigned = new Set(cases.items.map((c) => c.pseudonym));
    const all = (await volunteer.request("GET", "/api/referrals/outgoing?sender=organisation")).json() as {
      items: Item[];
    };
    expect(all.items.every((r) => assigned.has(r.casePseudonym))).toBe(true);
  });
});
