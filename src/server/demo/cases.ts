import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { TIME_ZONE } from "#server/modules/cases/calendar.ts";
import {
  caseContacts,
  caseEvents,
  caseNextSteps,
  caseNotes,
  cases,
  clients,
} from "#server/modules/cases/tables.ts";
import { offers } from "#server/modules/offers/tables.ts";
import {
  qualifications,
  recognitionProcedures,
  recognitionStateChanges,
} from "#server/modules/recognition/tables.ts";
import { memberships, users } from "#server/platform/tables.ts";
import type { RecognitionState } from "#shared/recognition.ts";
import { type Actor, DEMO_CASES, type DemoCase } from "./case-catalogue.ts";

/** The seeding day in the network's time zone, so that "overdue" in the demo is overdue today. */
function todayInNetwork(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(now);
}

/** Day arithmetic on calendar dates (YYYY-MM-DD), free of time zones and daylight saving. */
function shift(day: string, offset: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

/** Demo pseudonyms are fixed, so that the demo reads the same on every machine. */
const pseudonym = (prefix: "K" | "F", i: number) => `${prefix}-DEM${String(i + 1).padStart(5, "0")}`;

type Event = Omit<typeof caseEvents.$inferInsert, "caseId">;

/** The user ids behind the catalogue's actors, per demo organisation. */
async function demoActors(tx: Tx, idOf: Map<string, string>) {
  const rows = await tx
    .select({ id: users.id, email: users.email, role: memberships.role, org: memberships.organisationId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(inArray(memberships.role, ["counsellor", "volunteer"]))
    .orderBy(users.email);
  const counsellor = rows.find((r) => r.email === "beratung@lotse.example")?.id;
  const volunteer = rows.find((r) => r.email === "ehrenamt@lotse.example")?.id;
  return (org: string): Record<Actor, string> => {
    const orgId = idOf.get(org);
    const staff = rows.filter((r) => r.org === orgId && r.role === "counsellor" && r.id !== counsellor);
    const first = staff[0]?.id ?? counsellor ?? "";
    return { counsellor: counsellor ?? first, colleague: first, volunteer: volunteer ?? first, mo: first };
  };
}

async function offerIds(tx: Tx) {
  const names = [
    ...new Set(DEMO_CASES.flatMap((c) => c.steps.map((s) => s.offer).filter((n) => n !== undefined))),
  ];
  const rows = await tx
    .select({ id: offers.id, name: offers.name })
    .from(offers)
    .where(inArray(offers.name, names));
  return new Map(rows.map((r) => [r.name, r.id]));
}

/**
 * Adds the fictional counselling cases of the demo network (see case-catalogue.ts) to the
 * organisations seedDemo has just inserted: clients, cases, contacts, notes, next steps, a few
 * recognition journeys, and the timeline events that their use cases would have written.
 */
export async function seedDemoCases(tx: Tx, idOf: Map<string, string>) {
  const today = todayInNetwork();
  const actorsOf = await demoActors(tx, idOf);
  const offerOf = await offerIds(tx);
  let n = 0;
  for (const [i, spec] of DEMO_CASES.entries()) {
    const organisationId = idOf.get(spec.org);
    if (!organisationId) continue;
    await seedCase(tx, { spec, i, organisationId, today, actors: actorsOf(spec.org), offerOf, idOf });
    n++;
  }
  return { cases: n };
}

async function seedCase(
  tx: Tx,
  p: {
    spec: DemoCase;
    i: number;
    organisationId: string;
    today: string;
    actors: Record<Actor, string>;
    offerOf: Map<string, string>;
    idOf: Map<string, string>;
  },
) {
  const { spec, actors, organisationId } = p;
  // Events of one day keep their order through a minute counter.
  let tick = 0;
  const at = (day: number) => new Date(Date.parse(`${shift(p.today, day)}T08:00:00Z`) + tick++ * 60_000);
  const events: Event[] = [];
  const event = (e: Event) => events.push(e);
  const [firstPhase, ...moves] = spec.phases;
  const last = moves.at(-1)?.phase ?? firstPhase;
  const assignee = actors[spec.assignee];
  const { residenceStatus, ...plain } = spec.client;

  const opened = at(spec.openedDay);
  const [client] = await tx
    .insert(clients)
    .values({
      ...plain,
      organisationId,
      pseudonym: pseudonym("K", p.i),
      residenceStatus: residenceStatus ?? null,
      createdBy: actors.counsellor,
      createdAt: opened,
      updatedAt: opened,
    })
    .returning({ id: clients.id });
  const status = spec.status?.status ?? "open";
  const [record] = await tx
    .insert(cases)
    .values({
      organisationId,
      clientId: client?.id ?? "",
      pseudonym: pseudonym("F", p.i),
      status,
      outcome: spec.status?.outcome ?? null,
      phase: last,
      goals: spec.goals,
      assigneeUserId: assignee,
      openedAt: opened,
      closedAt: status === "closed" && spec.status ? at(spec.status.day) : null,
      createdBy: actors[spec.assignee === "volunteer" ? "mo" : spec.assignee],
      createdAt: opened,
    })
    .returning({ id: cases.id });
  const caseId = record?.id ?? "";
  event({
    at: opened,
    kind: "case_opened",
    actorUserId: actors.counsellor,
    details: { phase: firstPhase, assigneeUserId: assignee },
  });
  let phase = firstPhase;
  for (const move of moves) {
    event({
      at: at(move.day),
      kind: "phase_changed",
      actorUserId: actors[spec.assignee],
      details: { from: phase, to: move.phase },
    });
    phase = move.phase;
  }

  for (const c of spec.contacts) {
    const when = at(c.day);
    const [row] = await tx
      .insert(caseContacts)
      .values({
        caseId,
        date: shift(p.today, c.day),
        mode: c.mode,
        durationMinutes: c.minutes,
        counsellingType: c.type,
        initiatedBy: c.accessRoute ? "client" : "counsellor",
        accessRoute: c.accessRoute ?? null,
        summary: c.summary,
        counsellorUserId: actors[c.by],
        createdAt: when,
      })
      .returning({ id: caseContacts.id, date: caseContacts.date });
    event({
      at: when,
      kind: "contact_added",
      actorUserId: actors[c.by],
      subjectId: row?.id,
      details: { mode: c.mode, counsellingType: c.type, date: row?.date },
    });
  }

  for (const note of spec.notes) {
    const when = at(note.day);
    const [row] = await tx
      .insert(caseNotes)
      .values({
        caseId,
        body: note.body,
        special: note.special ?? false,
        authorUserId: actors[note.by],
        createdAt: when,
      })
      .returning({ id: caseNotes.id });
    event({
      at: when,
      kind: "note_added",
      actorUserId: actors[note.by],
      subjectId: row?.id,
      special: note.special ?? false,
    });
  }

  const procedureId = spec.recognition
    ? await seedRecognition(tx, { ...p, clientId: client?.id ?? "", caseId, at, event })
    : null;

  for (const step of spec.steps) {
    const when = at(step.day);
    const dueDate = step.due === null ? null : shift(p.today, step.due);
    const offerId = step.offer ? (p.offerOf.get(step.offer) ?? null) : null;
    const [row] = await tx
      .insert(caseNextSteps)
      .values({
        caseId,
        title: step.title,
        dueDate,
        offerId,
        procedureId: step.procedure ? procedureId : null,
        doneAt: step.doneDay === undefined ? null : at(step.doneDay),
        createdBy: actors[spec.assignee],
        createdAt: when,
      })
      .returning({ id: caseNextSteps.id, doneAt: caseNextSteps.doneAt });
    const by = actors[spec.assignee];
    event({
      at: when,
      kind: "next_step_added",
      actorUserId: by,
      subjectId: row?.id,
      details: { dueDate, offerId },
    });
    if (row?.doneAt) event({ at: row.doneAt, kind: "next_step_done", actorUserId: by, subjectId: row.id });
  }

  if (spec.status) {
    event({
      at: at(spec.status.day),
      kind: "status_changed",
      actorUserId: actors[spec.assignee],
      details: { from: "open", to: spec.status.status, outcome: spec.status.outcome ?? null },
    });
  }
  events.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());
  await tx.insert(caseEvents).values(events.map((e) => ({ ...e, caseId })));
  const lastActivity = events.at(-1)?.at ?? opened;
  await tx
    .update(cases)
    .set({ updatedAt: lastActivity })
    .where(and(eq(cases.id, caseId)));
}

/** A qualification and its recognition journey, with the state history and timeline events. */
async function seedRecognition(
  tx: Tx,
  p: {
    spec: DemoCase;
    organisationId: string;
    clientId: string;
    caseId: string;
    today: string;
    actors: Record<Actor, string>;
    idOf: Map<string, string>;
    at: (day: number) => Date;
    event: (e: Event) => void;
  },
): Promise<string | null> {
  const recognition = p.spec.recognition;
  if (!recognition) return null;
  const { qualification, procedure } = recognition;
  const actor = p.actors[p.spec.assignee];
  const [first] = procedure.states;
  const started = p.at(first?.[1] ?? p.spec.openedDay);
  const [q] = await tx
    .insert(qualifications)
    .values({
      ...qualification,
      organisationId: p.organisationId,
      clientId: p.clientId,
      createdAt: started,
      updatedAt: started,
    })
    .returning({ id: qualifications.id });
  p.event({ at: started, kind: "qualification_added", actorUserId: actor, subjectId: q?.id });
  const dayOf = (state: string) => {
    const found = procedure.states.find(([s]) => s === state);
    return found ? shift(p.today, found[1]) : null;
  };
  const [state] = procedure.states.at(-1) ?? ["enquiry"];
  const [row] = await tx
    .insert(recognitionProcedures)
    .values({
      organisationId: p.organisationId,
      qualificationId: q?.id ?? "",
      caseId: p.caseId,
      referenceOccupationCode: procedure.code,
      referenceOccupationTitle: procedure.title,
      regulated: procedure.regulated,
      legalBasis: procedure.legalBasis,
      authorityOrganisationId: procedure.authority ? (p.idOf.get(procedure.authority) ?? null) : null,
      state,
      decision: procedure.decision ?? null,
      differences: procedure.differences ?? [],
      appliedAt: dayOf("applied"),
      documentsCompleteAt: dayOf("documents_complete"),
      decidedAt: dayOf("decided"),
      permit16dUntil: procedure.permit16dDay === undefined ? null : shift(p.today, procedure.permit16dDay),
      createdAt: started,
      updatedAt: started,
    })
    .returning({ id: recognitionProcedures.id });
  const procedureId = row?.id ?? "";
  p.event({
    at: started,
    kind: "procedure_opened",
    actorUserId: actor,
    subjectId: procedureId,
    details: { referenceOccupationCode: procedure.code },
  });
  let from: RecognitionState | null = null;
  for (const [to, day] of procedure.states) {
    const when = from === null ? started : p.at(day);
    await tx
      .insert(recognitionStateChanges)
      .values({ procedureId, fromState: from, toState: to, at: when, actorUserId: actor });
    if (from !== null) {
      p.event({
        at: when,
        kind: "procedure_state_changed",
        actorUserId: actor,
        subjectId: procedureId,
        details: { from, to },
      });
    }
    from = to;
  }
  return procedureId;
}
