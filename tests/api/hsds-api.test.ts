import { describe, expect, it } from "vitest";
import { lotseTermId } from "../../src/server/modules/hsds/lotse-taxonomies.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildOrganisation } from "../helpers/factories.ts";
import { buildOffer, hsdsErrors } from "../helpers/hsds.ts";

const t = await createTestApp();
const get = async (url: string) => {
  const res = await t.app.inject({ method: "GET", url });
  return { status: res.statusCode, body: res.json() };
};
const UNKNOWN = "00000000-0000-4000-8000-000000000000";

const org = await buildOrganisation(t.db, {
  website: "https://iq-beratung.example",
  email: "info@iq.example",
  phone: "0391 123456",
});
const offerA = await buildOffer(t.db, org.id, { name: "A Anerkennung" });
const offerB = await buildOffer(t.db, org.id, {
  name: "B Sprachkurs",
  status: "defunct",
  phases: [3],
  offerType: "berufssprachkurs",
});
const offerC = await buildOffer(t.db, org.id, { name: "C Gründung", phases: [4], capacityAvailable: null });
const inactive = await buildOrganisation(t.db, { status: "inactive" });
const hidden = await buildOffer(t.db, inactive.id);

function expectPage(body: Record<string, unknown>, kind: string) {
  expect(Object.keys(body).sort()).toEqual(
    [
      "contents",
      "empty",
      "first_page",
      "last_page",
      "page_number",
      "size",
      "total_items",
      "total_pages",
    ].sort(),
  );
  for (const item of body.contents as unknown[]) expect(hsdsErrors(kind, item)).toEqual([]);
}

describe("HSDS read API", () => {
  it("says which HSDS version it speaks", async () => {
    const { status, body } = await get("/api/hsds/");
    expect(status).toBe(200);
    expect(body).toMatchObject({ version: "3.0", openapi_url: "http://lotse.test/api/openapi.json" });
  });

  it("lists every offer of an active organisation, whatever its status, as schema-valid services", async () => {
    const { status, body } = await get(`/api/hsds/services?organization_id=${org.id}`);
    expect(status).toBe(200);
    expectPage(body, "service");
    expect(body.contents.map((s: { name: string }) => s.name)).toEqual([
      "A Anerkennung",
      "B Sprachkurs",
      "C Gründung",
    ]);
    expect(body.contents[1].status).toBe("defunct");
    const all = await get("/api/hsds/services?per_page=1000");
    expect(all.body.contents.map((s: { id: string }) => s.id)).not.toContain(hidden.offer.id);
  });

  it("pages with page and per_page as the HSDS OpenAPI names them", async () => {
    const { body } = await get(`/api/hsds/services?organization_id=${org.id}&per_page=2&page=2`);
    expect(body).toMatchObject({
      total_items: 3,
      total_pages: 2,
      page_number: 2,
      size: 1,
      first_page: false,
      last_page: true,
      empty: false,
    });
    expect(body.contents[0].id).toBe(offerC.offer.id);
    const none = await get(`/api/hsds/services?organization_id=${UNKNOWN}`);
    expect(none.body).toMatchObject({
      total_items: 0,
      total_pages: 0,
      empty: true,
      size: 0,
      first_page: true,
      last_page: true,
    });
    expect((await get("/api/hsds/services?per_page=1001")).status).toBe(400);
    expect((await get("/api/hsds/services?page=0")).status).toBe(400);
  });

  it("filters services by a Lotse taxonomy term and by search words", async () => {
    const phase4 = await get(
      `/api/hsds/services?organization_id=${org.id}&taxonomy_term_id=${lotseTermId("lotse-iq-phase", "4")}`,
    );
    expect(phase4.body.contents.map((s: { id: string }) => s.id)).toEqual([offerC.offer.id]);
    const search = await get(`/api/hsds/services?organization_id=${org.id}&search=Sprachkurs`);
    expect(search.body.contents.map((s: { id: string }) => s.id)).toEqual([offerB.offer.id]);
  });

  it("answers one service fully nested, and 404 for an unknown, malformed or hidden id", async () => {
    const { status, body } = await get(`/api/hsds/services/${offerA.offer.id}`);
    expect(status).toBe(200);
    expect(hsdsErrors("service", body)).toEqual([]);
    expect(body.organization.id).toBe(org.id);
    expect(body.service_at_locations[0].location.addresses[0]).toMatchObject({
      address_1: "Breiter Weg 1",
      postal_code: "39104",
    });
    expect(body.service_areas.map((a: { uri: string }) => a.uri)).toEqual([
      "https://lotse.example/ags/15003",
      "https://lotse.example/ags/15083",
    ]);
    expect(body.languages.map((l: { code: string }) => l.code)).toEqual(["de", "ar", "uk"]);
    expect((await get(`/api/hsds/services/${UNKNOWN}`)).status).toBe(404);
    expect((await get("/api/hsds/services/not-a-uuid")).status).toBe(404);
    expect((await get(`/api/hsds/services/${hidden.offer.id}`)).status).toBe(404);
  });

  it("lists and shows organizations as schema-valid objects", async () => {
    const list = await get("/api/hsds/organizations?full=true&per_page=100");
    expectPage(list.body, "organization");
    expect(list.body.contents.map((o: { id: string }) => o.id)).not.toContain(inactive.id);
    const one = await get(`/api/hsds/organizations/${org.id}?full_service=true`);
    expect(one.status).toBe(200);
    expect(hsdsErrors("organization", one.body)).toEqual([]);
    expect(one.body.services).toHaveLength(3);
    expect(one.body.phones[0].number).toBe("0391 123456");
    expect((await get(`/api/hsds/organizations/${inactive.id}`)).status).toBe(404);
    expect((await get(`/api/hsds/organizations/${UNKNOWN}`)).status).toBe(404);
  });

  it("lists Lotse's taxonomies and terms with stable ids", async () => {
    const taxonomies = await get("/api/hsds/taxonomies?per_page=100");
    expectPage(taxonomies.body, "taxonomy");
    expect(taxonomies.body.contents.map((x: { name: string }) => x.name)).toContain("lotse-iq-phase");
    const termId = lotseTermId("lotse-offer-type", "berufssprachkurs");
    const term = await get(`/api/hsds/taxonomy_terms/${termId}`);
    expect(term.status).toBe(200);
    expect(hsdsErrors("taxonomy_term", term.body)).toEqual([]);
    expect(term.body).toMatchObject({ code: "berufssprachkurs", taxonomy: "lotse-offer-type" });
    const terms = await get(`/api/hsds/taxonomy_terms?taxonomy_id=${term.body.taxonomy_id}&per_page=5`);
    expectPage(terms.body, "taxonomy_term");
    expect(terms.body.size).toBe(5);
    const taxonomy = await get(`/api/hsds/taxonomies/${term.body.taxonomy_id}`);
    expect(hsdsErrors("taxonomy", taxonomy.body)).toEqual([]);
    expect((await get(`/api/hsds/taxonomies/${UNKNOWN}`)).status).toBe(404);
    expect((await get(`/api/hsds/taxonomy_terms/${UNKNOWN}`)).status).toBe(404);
  });

  it("lists and shows services at locations", async () => {
    const list = await get(`/api/hsds/service_at_locations?organization_id=${org.id}`);
    expectPage(list.body, "service_at_location");
    expect(list.body.total_items).toBe(3);
    const one = await get(`/api/hsds/service_at_locations/${offerA.sal.id}`);
    expect(one.status).toBe(200);
    expect(hsdsErrors("service_at_location", one.body)).toEqual([]);
    expect(one.body).toMatchObject({ service_id: offerA.offer.id, location_id: offerA.location.id });
    expect(one.body.service.id).toBe(offerA.offer.id);
    expect((await get(`/api/hsds/service_at_locations/${UNKNOWN}`)).status).toBe(404);
    expect((await get(`/api/hsds/service_at_locations/${hidden.sal.id}`)).status).toBe(404);
    const byPostcode = await get(`/api/hsds/service_at_locations?organization_id=${org.id}&postcode=39104`);
    expect(byPostcode.body.total_items).toBe(3);
  });
});
