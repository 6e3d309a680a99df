import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "#server/db/client.ts";
import { audit } from "#server/platform/audit.ts";
import type { Ctx } from "#server/platform/context.ts";
import { AppError, invalidField, notFound } from "#server/platform/errors.ts";
import { organisations } from "#server/platform/tables.ts";
import { scopedOrganisation } from "#server/platform/tenancy.ts";
import type { SsoProviderInput, SsoSettings } from "#shared/contracts/sso.ts";
import { can } from "#shared/permissions.ts";
import { countSigningKeys, discover, isNetworkFailure, issuerAllowed, unreachable } from "./oidc.ts";
import { ssoProviders } from "./tables.ts";

/** The one redirect URI of Lotse; the coordinator registers it at each provider. */
export function redirectUriOf(publicUrl: string): string {
  return `${publicUrl}/api/auth/sso/callback`;
}

type ProviderRow = typeof ssoProviders.$inferSelect;

/** Never the secret: only whether one is stored. */
function presentSettings(ctx: Ctx, organisationId: string, publicUrl: string, row: ProviderRow | undefined) {
  return {
    organisationId,
    redirectUri: redirectUriOf(publicUrl),
    provider: row
      ? {
          displayName: row.displayName,
          issuer: row.issuer,
          clientId: row.clientId,
          clientSecretSet: row.clientSecret.length > 0,
          emailDomains: row.emailDomains,
          required: row.required,
          updatedAt: row.updatedAt.toISOString(),
        }
      : null,
    abilities: { manage: can(ctx.actor.role, "sso_provider.manage") },
  } satisfies SsoSettings;
}

async function providerOf(db: Ctx["db"], organisationId: string): Promise<ProviderRow | undefined> {
  const [row] = await db.select().from(ssoProviders).where(eq(ssoProviders.organisationId, organisationId));
  return row;
}

/** An organisation's provider settings: the coordination for any, an admin for their own (else 404). */
export async function getSsoSettings(ctx: Ctx & { organisationId: string; publicUrl: string }) {
  await scopedOrganisation(ctx.db, ctx.actor, ctx.organisationId);
  return presentSettings(
    ctx,
    ctx.organisationId,
    ctx.publicUrl,
    await providerOf(ctx.db, ctx.organisationId),
  );
}

/** Creates or changes an organisation's provider; a left-out secret keeps the stored one. */
export async function saveSsoProvider(
  ctx: Ctx & { organisationId: string; publicUrl: string; input: SsoProviderInput },
) {
  await scopedOrganisation(ctx.db, ctx.actor, ctx.organisationId);
  const { clientSecret, ...fields } = ctx.input;
  if (!issuerAllowed(fields.issuer)) throw invalidField("issuer", "sso.issuer_not_https");
  const emailDomains = [...new Set(fields.emailDomains)];
  return ctx.db.transaction(async (tx) => {
    const current = await tx
      .select()
      .from(ssoProviders)
      .where(eq(ssoProviders.organisationId, ctx.organisationId))
      .for("update");
    const existing = current[0];
    if (!existing && !clientSecret) throw invalidField("clientSecret", "sso.secret_required");
    const values = { ...fields, emailDomains, ...(clientSecret ? { clientSecret } : {}) };
    const [row] = existing
      ? await tx
          .update(ssoProviders)
          .set({ ...values, updatedAt: sql`now()` })
          .where(eq(ssoProviders.id, existing.id))
          .returning()
      : await tx
          .insert(ssoProviders)
          .values({ ...values, clientSecret: clientSecret ?? "", organisationId: ctx.organisationId })
          .returning();
    if (!row) throw new Error("upsert returned nothing");
    // Field names only: neither the secret nor any other value goes into the log.
    const changed = existing
      ? Object.keys(values).filter((k) => {
          if (k === "clientSecret") return true;
          const before = existing[k as keyof ProviderRow];
          const after = values[k as keyof typeof values];
          return JSON.stringify(before) !== JSON.stringify(after);
        })
      : Object.keys(values);
    await audit(tx, ctx, {
      action: existing ? "sso_provider.update" : "sso_provider.create",
      entity: "sso_provider",
      entityId: row.id,
      organisationId: ctx.organisationId,
      details: { fields: changed },
    });
    return presentSettings(ctx, ctx.organisationId, ctx.publicUrl, row);
  });
}

/** Removes an organisation's provider; its members log in with their password again. */
export async function removeSsoProvider(ctx: Ctx & { organisationId: string }) {
  await scopedOrganisation(ctx.db, ctx.actor, ctx.organisationId);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(ssoProviders)
      .where(eq(ssoProviders.organisationId, ctx.organisationId))
      .returning({ id: ssoProviders.id });
    if (!row) throw notFound();
    await audit(tx, ctx, {
      action: "sso_provider.delete",
      entity: "sso_provider",
      entityId: row.id,
      organisationId: ctx.organisationId,
    });
  });
}

/**
 * "Verbindung prüfen": reads the stored issuer's discovery document and its signing keys. It does
 * not prove the client secret; a wrong one shows at the first login as sso.provider_rejected.
 */
export async function checkSsoProvider(ctx: Ctx & { organisationId: string }) {
  await scopedOrganisation(ctx.db, ctx.actor, ctx.organisationId);
  const row = await providerOf(ctx.db, ctx.organisationId);
  if (!row) throw notFound();
  try {
    const config = await discover(row, { fresh: true });
    const metadata = config.serverMetadata();
    return {
      issuer: metadata.issuer,
      authorizationEndpoint: metadata.authorization_endpoint ?? "",
      tokenEndpoint: metadata.token_endpoint ?? "",
      signingKeys: await countSigningKeys(config),
    };
  } catch (err) {
    if (isNetworkFailure(err)) throw unreachable();
    throw new AppError(422, "sso.discovery_failed");
  }
}

/** The organisations that offer login through their provider, for the login page (public). */
export async function listLoginOptions(p: { db: Db }) {
  const rows = await p.db
    .select({
      organisationId: organisations.id,
      organisationName: organisations.name,
      displayName: ssoProviders.displayName,
      emailDomains: ssoProviders.emailDomains,
    })
    .from(ssoProviders)
    .innerJoin(organisations, eq(organisations.id, ssoProviders.organisationId))
    .where(eq(organisations.status, "active"))
    .orderBy(asc(organisations.name), asc(organisations.id));
  return { items: rows };
}
