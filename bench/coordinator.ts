import type { Db } from "../src/server/db/client.ts";
import { memberships, organisations, users } from "../src/server/db/schema.ts";
import { hashPassword } from "../src/server/platform/passwords.ts";

const PASSWORD = "bench-password-123";

/**
 * A network coordinator for a benchmark (an office of its own and one member), and its login over
 * real HTTP once the app listens: answers the session cookie.
 */
export async function createBenchCoordinator(db: Db, email: string) {
  const [office] = await db
    .insert(organisations)
    .values({ name: "Koordinationsstelle (Bench)", type: "network_coordination", districtAgs: "15003" })
    .returning();
  const [user] = await db
    .insert(users)
    .values({ email, name: "Bench", passwordHash: await hashPassword(PASSWORD) })
    .returning();
  if (!office || !user) throw new Error("no coordinator");
  await db
    .insert(memberships)
    .values({ userId: user.id, organisationId: office.id, role: "network_coordinator" });
  return {
    async login(base: string): Promise<string> {
      const res = await fetch(`${base}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`bench login answered ${res.status}`);
      return (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    },
  };
}
