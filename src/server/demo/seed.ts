import { sql } from "drizzle-orm";
import type { Db } from "#server/db/client.ts";
import { ensureLotseTaxonomies } from "#server/modules/hsds/lotse-taxonomies.ts";
import { hashPassword } from "#server/platform/passwords.ts";
import { memberships, organisations, users } from "#server/platform/tables.ts";
import type { Role } from "#shared/domain.ts";
import { seedDemoCases } from "./cases.ts";
import { seedDemoCompetences } from "./competences.ts";
import { seedDemoInterfaces } from "./interfaces.ts";
import { seedDemoOffers } from "./offers.ts";
import { DEMO_ORGANISATIONS } from "./organisations.ts";
import { seedDemoTrainings } from "./trainings.ts";
import { seedDemoTrainingsCertificates } from "./trainings-certificates.ts";
import { seedDemoTrainingsEvaluations } from "./trainings-evaluations.ts";
import { seedDemoTrainingsExchange } from "./trainings-exchange.ts";
import { seedDemoTrainingsSessions } from "./trainings-sessions.ts";

export const DEMO_PASSWORD = "Lotse-Demo-2026!";

/** The logins printed at start-up: one per role; beratung@ acts for two organisations. */
export const DEMO_LOGINS: { email: string; name: string; role: Role; orgs: string[] }[] = [
  {
    email: "koordination@lotse.example",
    name: "Katrin Vogel",
    role: "network_coordinator",
    orgs: ["coordination"],
  },
  { email: "admin@lotse.example", name: "Amir Haddad", role: "org_admin", orgs: ["mo-md"] },
  {
    email: "beratung@lotse.example",
    name: "Birgit Sommer",
    role: "counsellor",
    orgs: ["cs-iq-hal", "cs-iq-md"],
  },
  { email: "ehrenamt@lotse.example", name: "Olena Kovalenko", role: "volunteer", orgs: ["mo-md"] },
  { email: "training@lotse.example", name: "Thomas Richter", role: "trainer", orgs: ["bt-md"] },
  { email: "unternehmen@lotse.example", name: "Ute Neumann", role: "company_contact", orgs: ["co-md"] },
];

const FIRST = [
  "Anna",
  "Jonas",
  "Leyla",
  "Mehmet",
  "Sofia",
  "Paul",
  "Fatima",
  "Lukas",
  "Marta",
  "Yusuf",
  "Elena",
  "Felix",
  "Nour",
  "Jan",
  "Ivana",
  "Karim",
];
const LAST = [
  "Schulz",
  "Yilmaz",
  "Becker",
  "Nowak",
  "Hoffmann",
  "Al-Sayed",
  "Krüger",
  "Petrenko",
  "Wagner",
  "Mansour",
  "Lehmann",
  "Schmidt",
];

/** Fills an empty database with the fictional demo network; does nothing if any organisation exists. */
export async function seedDemo(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Two instances starting together on an empty database seed it once.
    await tx.execute(sql`select pg_advisory_xact_lock(4711, 1)`);
    const [{ n } = { n: 0 }] = await tx.select({ n: sql<number>`count(*)::int` }).from(organisations);
    if (n > 0) return false;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const inserted = await tx
      .insert(organisations)
      .values(
        DEMO_ORGANISATIONS.map((o) => ({
          name: o.name,
          type: o.type,
          districtAgs: o.ags,
          street: o.street,
          postcode: o.postcode,
          city: o.city,
          email: `kontakt@${o.key}.lotse.example`,
          phone: `+49 391 000${String(DEMO_ORGANISATIONS.indexOf(o)).padStart(3, "0")}`,
          website: `https://${o.key}.lotse.example`,
        })),
      )
      .returning({ id: organisations.id, name: organisations.name });
    const idOf = new Map(DEMO_ORGANISATIONS.map((o, i) => [o.key, inserted[i]?.id ?? ""]));

    const people: { email: string; name: string; memberships: { org: string; role: Role }[] }[] =
      DEMO_LOGINS.map((l) => ({
        email: l.email,
        name: l.name,
        memberships: l.orgs.map((org) => ({ org, role: l.role })),
      }));
    // Every organisation gets an admin and staff, so each role can be seen in every kind of actor.
    DEMO_ORGANISATIONS.forEach((o, i) => {
      const staffRole: Role =
        o.type === "company"
          ? "company_contact"
          : o.type === "education_provider"
            ? "trainer"
            : o.type === "migrant_organisation"
              ? "volunteer"
              : "counsellor";
      const roles: Role[] =
        o.type === "network_coordination" ? ["network_coordinator"] : ["org_admin", staffRole, "counsellor"];
      roles.forEach((role, j) => {
        const first = FIRST[(i * 3 + j) % FIRST.length] ?? "Alex";
        const last = LAST[(i * 5 + j * 7) % LAST.length] ?? "Muster";
        people.push({
          email: `${first}.${last}.${o.key}.${j}@lotse.example`.toLowerCase().replace(/[^a-z0-9.@-]/g, ""),
          name: `${first} ${last}`,
          memberships: [{ org: o.key, role }],
        });
      });
    });
    const userRows = await tx
      .insert(users)
      .values(people.map((p) => ({ email: p.email, name: p.name, passwordHash })))
      .returning({ id: users.id });
    await tx.insert(memberships).values(
      people.flatMap((p, i) =>
        p.memberships.map((m) => ({
          userId: userRows[i]?.id ?? "",
          organisationId: idOf.get(m.org) ?? "",
          role: m.role,
        })),
      ),
    );
    await ensureLotseTaxonomies(tx);
    await seedDemoOffers(tx, idOf);
    await seedDemoInterfaces(tx, idOf);
    await seedDemoCases(tx, idOf);
    await seedDemoCompetences(tx, idOf);
    await seedDemoTrainings(tx, idOf);
    await seedDemoTrainingsSessions(tx, idOf);
    await seedDemoTrainingsEvaluations(tx, idOf);
    await seedDemoTrainingsCertificates(tx, idOf);
    await seedDemoTrainingsExchange(tx, idOf);
    return true;
  });
}
