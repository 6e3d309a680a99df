import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import { caseContacts, caseNextSteps, caseNotes, cases, clients } from "#server/modules/cases/tables.ts";
import { consents } from "#server/modules/consents/tables.ts";
import { interfaces } from "#server/modules/interfaces/tables.ts";
import { locations, offers } from "#server/modules/offers/tables.ts";
import { qualifications, recognitionProcedures } from "#server/modules/recognition/tables.ts";
import { referrals } from "#server/modules/referrals/tables.ts";
import { ssoProviders } from "#server/modules/sso/tables.ts";
import type { Ctx } from "#server/platform/context.ts";
import { auditLog, mailTokens, memberships, organisations, outbox, users } from "#server/platform/tables.ts";
import { clientScope } from "#server/platform/tenancy.ts";
import type { AuditEntry } from "#shared/contracts/audit.ts";

/**
 * The audit log in words: one query reads a page of entries together with the names behind them —
 * who acted (person and organisation) and which record was touched (a case's reference, an
 * offer's or organisation's name, a person's name). Entries hold ids only; the names are looked up
 * now, so a renamed offer reads with its current name and an erased person with none.
 *
 * A client's name appears only to a reader who may see that client (the case scope); everyone
 * else reads the case or client reference. Staff names and organisation names are the network's
 * working data and shown to those who may read the log.
 */

const UUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
/** A client reference kept by an erasure in place of the erased record's id. */
const CLIENT_REFERENCE = /^K-[0-9A-Z]{4,}$/;

const actorUser = alias(users, "audit_actor");
const actorOrg = alias(organisations, "audit_actor_org");
const recordOrg = alias(organisations, "audit_record_org");
const userRecord = alias(users, "audit_user");
const memberUser = alias(users, "audit_member_user");
const orgRecord = alias(organisations, "audit_org");
const interfaceFrom = alias(organisations, "audit_interface_from");
const interfaceTo = alias(organisations, "audit_interface_to");
const referralTo = alias(organisations, "audit_referral_to");
const consentTo = alias(organisations, "audit_consent_to");
const ssoOrg = alias(organisations, "audit_sso_org");

const asUuid = (text: SQL | typeof auditLog.entityId) =>
  sql`case when ${text} ~ ${UUID} then (${text})::uuid end`;

type Page = { where: SQL | undefined; limit: number; offset: number };

/** One page of entries, newest first, with every name the sentences need. */
export async function readEntries(ctx: Ctx, page: Page): Promise<AuditEntry[]> {
  const p = ctx.db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      actorOrganisationId: auditLog.actorOrganisationId,
      organisationId: auditLog.organisationId,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      requestId: auditLog.requestId,
      purpose: auditLog.purpose,
      details: auditLog.details,
      uid: sql<string | null>`${asUuid(auditLog.entityId)}`.as("uid"),
      detailCase: sql<string | null>`${asUuid(sql`${auditLog.details} ->> 'caseId'`)}`.as("detail_case"),
      // Competence profiles and shares name their client in the details (ids only).
      detailClient: sql<string | null>`${asUuid(sql`${auditLog.details} ->> 'clientId'`)}`.as(
        "detail_client",
      ),
    })
    .from(auditLog)
    .where(page.where)
    .orderBy(desc(auditLog.id))
    .limit(page.limit)
    .offset(page.offset)
    .as("p");
  const on = (entity: string, id: AnyPgColumn) => and(eq(p.entity, entity), sql`${id} = ${p.uid}`);
  const caseId = sql`coalesce(case when ${p.entity} = 'case' then ${p.uid} end, ${caseContacts.caseId}, ${caseNotes.caseId}, ${caseNextSteps.caseId}, ${referrals.caseId}, ${recognitionProcedures.caseId}, ${p.detailCase})`;
  const qualificationId = sql`coalesce(case when ${p.entity} = 'qualification' then ${p.uid} end, ${recognitionProcedures.qualificationId})`;
  const clientId = sql`coalesce(case when ${p.entity} = 'client' then ${p.uid} end, ${consents.clientId}, ${qualifications.clientId}, ${cases.clientId}, case when ${p.entity} in ('competence_profile', 'competence_share') then ${p.detailClient} end)`;
  const visible = clientScope(ctx.actor, clients.organisationId, clients.id);

  const rows = await ctx.db
    .select({
      entry: {
        id: p.id,
        at: p.at,
        actorUserId: p.actorUserId,
        actorOrganisationId: p.actorOrganisationId,
        organisationId: p.organisationId,
        action: p.action,
        entity: p.entity,
        entityId: p.entityId,
        requestId: p.requestId,
        purpose: p.purpose,
        details: p.details,
      },
      actorName: actorUser.name,
      actorOrganisationName: actorOrg.name,
      organisationName: recordOrg.name,
      userName: userRecord.name,
      memberName: memberUser.name,
      orgName: orgRecord.name,
      offerName: offers.name,
      locationName: locations.name,
      interfaceFrom: interfaceFrom.name,
      interfaceTo: interfaceTo.name,
      invitationEmail: mailTokens.email,
      mailSubject: outbox.subject,
      ssoOrganisation: ssoOrg.name,
      caseReference: cases.pseudonym,
      clientReference: clients.pseudonym,
      clientName: sql<string | null>`case when ${visible} then ${clients.name} end`,
      referralOffer: referrals.offerName,
      referralTo: referralTo.name,
      overrideReason: referrals.consentOverrideReason,
      consentRecipient: consentTo.name,
      occupation: recognitionProcedures.referenceOccupationTitle,
      qualification: sql<
        string | null
      >`coalesce(${qualifications.germanTitle}, ${qualifications.originalTitle})`,
    })
    .from(p)
    .leftJoin(actorUser, eq(actorUser.id, p.actorUserId))
    .leftJoin(actorOrg, eq(actorOrg.id, p.actorOrganisationId))
    .leftJoin(recordOrg, eq(recordOrg.id, p.organisationId))
    .leftJoin(userRecord, on("user", userRecord.id))
    .leftJoin(memberships, on("membership", memberships.id))
    .leftJoin(memberUser, eq(memberUser.id, memberships.userId))
    .leftJoin(orgRecord, on("organisation", orgRecord.id))
    .leftJoin(offers, on("offer", offers.id))
    .leftJoin(locations, on("location", locations.id))
    .leftJoin(interfaces, on("interface", interfaces.id))
    .leftJoin(interfaceFrom, eq(interfaceFrom.id, interfaces.fromOrganisationId))
    .leftJoin(interfaceTo, eq(interfaceTo.id, interfaces.toOrganisationId))
    .leftJoin(mailTokens, on("invitation", mailTokens.id))
    .leftJoin(outbox, on("mail", outbox.id))
    .leftJoin(ssoProviders, on("sso_provider", ssoProviders.id))
    .leftJoin(ssoOrg, eq(ssoOrg.id, ssoProviders.organisationId))
    .leftJoin(caseContacts, on("case_contact", caseContacts.id))
    .leftJoin(caseNotes, on("case_note", caseNotes.id))
    .leftJoin(caseNextSteps, on("case_next_step", caseNextSteps.id))
    .leftJoin(referrals, on("referral", referrals.id))
    .leftJoin(referralTo, eq(referralTo.id, referrals.toOrganisationId))
    .leftJoin(recognitionProcedures, on("recognition_procedure", recognitionProcedures.id))
    .leftJoin(consents, on("consent", consents.id))
    .leftJoin(consentTo, eq(consentTo.id, consents.recipientOrganisationId))
    .leftJoin(cases, sql`${cases.id} = ${caseId}`)
    .leftJoin(qualifications, sql`${qualifications.id} = ${qualificationId}`)
    .leftJoin(clients, sql`${clients.id} = ${clientId}`)
    .orderBy(desc(p.id));

  return rows.map((r) => {
    const e = r.entry;
    const caseLabel = r.caseReference ? (r.clientName ?? r.caseReference) : null;
    const clientLabel = r.clientReference ? (r.clientName ?? r.clientReference) : null;
    const erased =
      e.entity === "client" && e.entityId && CLIENT_REFERENCE.test(e.entityId) ? e.entityId : null;
    const record = ((): AuditEntry["record"] => {
      const none = { label: null, organisation: null, title: null };
      switch (e.entity) {
        case "user":
          return { ...none, label: r.userName };
        case "membership":
          return { ...none, label: r.memberName };
        case "organisation":
          return { ...none, label: r.orgName };
        case "offer":
          return { ...none, label: r.offerName };
        case "location":
          return { ...none, label: r.locationName };
        case "interface":
          return { ...none, label: r.interfaceFrom, organisation: r.interfaceTo };
        case "invitation":
          return { ...none, label: r.invitationEmail };
        case "mail":
          return { ...none, label: r.mailSubject };
        case "sso_provider":
          return { ...none, label: r.ssoOrganisation };
        case "case":
        case "case_contact":
        case "case_note":
        case "case_next_step":
          return { ...none, label: caseLabel };
        case "referral":
          return { label: caseLabel, organisation: r.referralTo, title: r.referralOffer };
        case "recognition_procedure":
          return { ...none, label: caseLabel ?? clientLabel, title: r.occupation };
        case "qualification":
          return { ...none, label: clientLabel, title: r.qualification };
        case "consent":
          return { ...none, label: clientLabel, organisation: r.consentRecipient };
        case "client":
          return { ...none, label: clientLabel ?? erased };
        case "competence_profile":
        case "competence_share":
          return { ...none, label: clientLabel };
        default:
          return none;
      }
    })();
    return {
      ...e,
      id: String(e.id),
      at: e.at.toISOString(),
      actorName: r.actorName,
      actorOrganisationName: r.actorOrganisationName,
      organisationName: r.organisationName,
      record,
      reason: e.action === "referral.consent_override" ? r.overrideReason : null,
    };
  });
}
