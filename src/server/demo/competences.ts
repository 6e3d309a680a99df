import { createHash } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { caseEvents, caseNextSteps, cases, clients } from "#server/modules/cases/tables.ts";
import { contentProblems } from "#server/modules/competences/rules.ts";
import { changedSections, snapshotOf } from "#server/modules/competences/sections.ts";
import {
  competenceProfiles,
  competenceProfileVersions,
  competenceShares,
} from "#server/modules/competences/tables.ts";
import { EMPTY_CONTENT } from "#server/modules/competences/versions.ts";
import { consents } from "#server/modules/consents/tables.ts";
import { memberships, users } from "#server/platform/tables.ts";
import { ProfileContent } from "#shared/contracts/competences.ts";
import { DEMO_PROFILES, type DemoProfile } from "./competence-catalogue.ts";
import { DEMO_PARTNER_PROFILES } from "./competence-catalogue-partners.ts";

/**
 * Seeds the demo's competence profiles (competence-catalogue*.ts) as the sittings a counsellor held
 * with each client: every sitting a version with the sections it changed, the goals' next steps in
 * the case, and one share with the demo company contact under the client's consent. Deterministic:
 * item ids are name-based UUIDs, times count back from the seeding day.
 */

/** A fixed UUID (version 5 layout) for a key, so the demo reads the same on every machine. */
export function demoUuid(key: string): string {
  const h = createHash("sha1").update(`lotse-demo-competences/${key}`).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** The catalogue's short item keys as UUIDs, wherever an id or a link to one stands. */
function withIds(value: unknown, idOf: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => withIds(v, idOf));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => {
      if (k === "id" && typeof v === "string") return [k, idOf(v)];
      if (k === "activityIds" && Array.isArray(v)) return [k, v.map((a) => idOf(String(a)))];
      return [k, withIds(v, idOf)];
    }),
  );
}

const daysAgo = (days: number, hour = 9) => {
  const d = new Date();
  d.setUTCHours(hour, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() - days);
  return d;
};

async function counsellorOf(tx: Tx, organisationId: string): Promise<string | null> {
  const rows = await tx
    .select({ id: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, "counsellor")))
    .orderBy(asc(users.email));
  return (rows.find((r) => r.email === "beratung@lotse.example") ?? rows[0])?.id ?? null;
}

async function seedProfile(tx: Tx, spec: DemoProfile, demoOrgIds: string[], idOf: Map<string, string>) {
  const [client] = await tx
    .select({ id: clients.id, organisationId: clients.organisationId, name: clients.name })
    .from(clients)
    .where(and(eq(clients.name, spec.client), inArray(clients.organisationId, demoOrgIds)));
  if (!client) return false;
  const [record] = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(eq(cases.clientId, client.id))
    .limit(1);
  const by = await counsellorOf(tx, client.organisationId);
  const itemId = (key: string) => demoUuid(`${spec.client}/${key}`);
  const profileId = demoUuid(`${spec.client}/profile`);
  const stepIds = new Set<string>();

  // The goals' next steps exist in the case before the sitting that took them over.
  const stepOf = new Map<string, string>();
  for (const [goal, step] of Object.entries(spec.steps ?? {})) {
    if (!record) continue;
    const id = itemId(`step/${goal}`);
    const at = daysAgo(spec.sittings.at(-1)?.daysAgo ?? 0, 10);
    const due = new Date(Date.now() + step.dueInDays * 86_400_000).toISOString().slice(0, 10);
    await tx
      .insert(caseNextSteps)
      .values({ id, caseId: record.id, title: step.title, dueDate: due, createdBy: by, createdAt: at });
    await tx.insert(caseEvents).values({
      caseId: record.id,
      kind: "next_step_added",
      actorUserId: by,
      subjectId: id,
      at,
      details: { dueDate: due, offerId: null, procedureId: null },
    });
    stepOf.set(goal, id);
    stepIds.add(id);
  }

  let content = EMPTY_CONTENT;
  const versions: (typeof competenceProfileVersions.$inferInsert)[] = [];
  for (const [i, sitting] of spec.sittings.entries()) {
    const parts = withIds(sitting.parts, itemId) as Record<string, unknown>;
    if (Array.isArray(parts.goals)) {
      parts.goals = (parts.goals as { id: string }[]).map((g) => {
        const key = Object.keys(spec.steps ?? {}).find((k) => itemId(k) === g.id);
        const step = key ? stepOf.get(key) : undefined;
        return step ? { ...g, caseNextStepIds: [step] } : g;
      });
    }
    const next = ProfileContent.parse({ ...content, ...parts });
    const problems = contentProblems(next, stepIds);
    if (problems.length > 0) throw new Error(`demo profile ${spec.client}: ${JSON.stringify(problems)}`);
    versions.push({
      profileId,
      version: i + 1,
      content: next,
      sections: changedSections(content, next),
      startedAt: daysAgo(sitting.daysAgo, 9),
      savedAt: daysAgo(sitting.daysAgo, 10),
      savedBy: by,
    });
    content = next;
  }
  const first = versions[0]?.startedAt ?? new Date();
  const last = versions.at(-1)?.savedAt ?? new Date();
  await tx.insert(competenceProfiles).values({
    id: profileId,
    organisationId: client.organisationId,
    clientId: client.id,
    caseId: record?.id ?? null,
    // Each sitting's saves: about three per sitting (the ETag counts saves, not sittings).
    version: 1 + versions.length * 3,
    content,
    createdAt: first,
    createdBy: by,
    updatedAt: last,
    updatedBy: by,
  });
  await tx.insert(competenceProfileVersions).values(versions);
  if (spec.share)
    await seedShare(tx, { spec, client, profileId, content, by, version: versions.length, idOf });
  return true;
}

async function seedShare(
  tx: Tx,
  p: {
    spec: DemoProfile;
    client: { id: string; organisationId: string; name: string };
    profileId: string;
    content: ProfileContent;
    by: string | null;
    version: number;
    idOf: Map<string, string>;
  },
) {
  const share = p.spec.share;
  const recipientOrganisationId = share ? p.idOf.get(share.recipientOrg) : undefined;
  if (!share || !recipientOrganisationId) return;
  const [recipient] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, share.recipientEmail));
  const givenAt = daysAgo(5, 10);
  const [consent] = await tx
    .insert(consents)
    .values({
      organisationId: p.client.organisationId,
      clientId: p.client.id,
      purpose: "competence_profile_sharing",
      recipientOrganisationId,
      legalBasis: "art6_1a",
      dataCategories: ["identity", "competence_profile"],
      informedLanguage: share.language,
      form: "signed",
      givenAt,
      recordedBy: p.by,
    })
    .returning({ id: consents.id });
  if (!consent) return;
  const [record] = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(eq(cases.clientId, p.client.id))
    .limit(1);
  if (record) {
    await tx.insert(caseEvents).values({
      caseId: record.id,
      kind: "consent_given",
      actorUserId: p.by,
      subjectId: consent.id,
      at: givenAt,
      details: { purpose: "competence_profile_sharing" },
    });
  }
  await tx.insert(competenceShares).values({
    organisationId: p.client.organisationId,
    profileId: p.profileId,
    consentId: consent.id,
    recipientOrganisationId,
    recipientUserId: recipient?.id ?? null,
    sections: share.sections,
    snapshot: snapshotOf(p.content, share.sections),
    clientName: p.client.name,
    version: p.version,
    sharedAt: daysAgo(5, 11),
    sharedBy: p.by,
  });
}

/** Adds the demo competence profiles to the demo clients seedDemoCases has just inserted. */
export async function seedDemoCompetences(tx: Tx, idOf: Map<string, string>) {
  const demoOrgIds = [...idOf.values()];
  let n = 0;
  for (const spec of [...DEMO_PROFILES, ...DEMO_PARTNER_PROFILES]) {
    if (await seedProfile(tx, spec, demoOrgIds, idOf)) n++;
  }
  return { profiles: n };
}
