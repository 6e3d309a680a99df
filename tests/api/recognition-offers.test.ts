import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { directoryChanges, offers } from "../../src/server/db/schema.ts";
import { lotseTermId } from "../../src/server/modules/hsds/lotse-taxonomies.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildCoordinator, buildOrganisationWithAdmin } from "../helpers/factories.ts";
import { buildOffer, hsdsErrors } from "../helpers/hsds.ts";

const t = await createTestApp();
const { coordinator } = await buildCoordinator(t.db);
const coordination = await t.loginAs(coordinator.email);

const offerBody = (overrides: Record<string, unknown> = {}) => ({
  name: "Anpassungsqualifizierung Pflege",
  phases: [3],
  offerType: "anpassungsqualifizierung",
  districts: ["15003"],
  ...overrides,
});

describe("occupation fields of offers", () => {
  it("stores the KldB fields of an offer, sorted, and keeps their changes in the history", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const agent = await t.loginAs(admin.email);
    const created = await agent.request("POST", `/api/organisations/${org.id}/offers`, {
      body: offerBody({ occupationFields: ["82", "81"] }),
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().occupationFields).toEqual(["81", "82"]);
    const edited = await agent.request("PATCH", `/api/offers/${created.json().id}`, {
      body: { occupationFields: ["81"] },
    });
    expect(edited.json().occupationFields).toEqual(["81"]);
    const history = await t.db
      .select()
      .from(directoryChanges)
      .where(eq(directoryChanges.resourceId, created.json().id));
    expect(
      history
        .filter((c) => c.fieldName === "occupationFields")
        .map((c) => [c.previousValue, c.replacementValue]),
    ).toEqual([
      ["", "81, 82"],
      ["81, 82", "81"],
    ]);
  });

  it("defaults to none (any occupation) and refuses a code that is no occupation field", async () => {
    const { org, admin } = await buildOrganisationWithAdmin(t.db);
    const agent = await t.loginAs(admin.email);
    const plain = await agent.request("POST", `/api/organisations/${org.id}/offers`, { body: offerBody() });
    expect(plain.json().occupationFields).toEqual([]);
    const wrong = await agent.request("POST", `/api/organisations/${org.id}/offers`, {
      body: offerBody({ occupationFields: ["81", "30"] }),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors.map((e: { field: string }) => e.field)).toEqual(["body.occupationFields.1"]);
  });

  it("travels through HSDS as the Lotse taxonomy lotse-occupation-field and comes back", async () => {
    const { org } = await buildOrganisationWithAdmin(t.db);
    const { offer } = await buildOffer(t.db, org.id, { occupationFields: ["25", "26"] });
    const exported = (await t.app.inject({ method: "GET", url: `/api/hsds/services/${offer.id}` })).json();
    expect(hsdsErrors("service", exported)).toEqual([]);
    const terms = exported.attributes
      .filter((a: { link_type: string }) => a.link_type === "lotse-occupation-field")
      .map((a: { taxonomy_term: { code: string; name: string } }) => [
        a.taxonomy_term.code,
        a.taxonomy_term.name,
      ]);
    expect(terms).toEqual([
      ["25", "Maschinen- und Fahrzeugtechnikberufe"],
      ["26", "Mechatronik-, Energie- und Elektroberufe"],
    ]);
    const filtered = await t.app.inject({
      method: "GET",
      url: `/api/hsds/services?organization_id=${org.id}&taxonomy_term_id=${lotseTermId("lotse-occupation-field", "26")}`,
    });
    expect(filtered.json().contents.map((s: { id: string }) => s.id)).toEqual([offer.id]);

    const organisation = (
      await t.app.inject({ method: "GET", url: `/api/hsds/organizations/${org.id}?full_service=true` })
    ).json();
    await t.db.delete(offers).where(eq(offers.id, offer.id));
    const back = await coordination.request("POST", "/api/hsds/import?dryRun=false", { body: organisation });
    expect(back.json().counts.reject, back.body).toBe(0);
    const [row] = await t.db.select().from(offers).where(eq(offers.id, offer.id));
    expect(row?.occupationFields).toEqual(["25", "26"]);
  });
});
