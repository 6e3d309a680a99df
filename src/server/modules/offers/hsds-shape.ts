import { randomUUID } from "node:crypto";
import { type ScheduleEntry, WEEKDAYS, type Weekday } from "#shared/contracts/offers.ts";

type Json = Record<string, unknown>;
export type OfferContactFields = { person: string | null; phone: string | null; email: string | null };

const asList = (v: unknown): Json[] =>
  Array.isArray(v) ? v.filter((x): x is Json => typeof x === "object" && x !== null) : [];
const hhmm = (v: unknown) => (typeof v === "string" ? v.slice(0, 5) : "");

/** A weekly schedule with days and hours is one Lotse edits; anything else an import brought is kept as is. */
function isEditable(s: Json): boolean {
  return (
    s.freq === "WEEKLY" &&
    typeof s.byday === "string" &&
    s.byday.split(",").every((d) => (WEEKDAYS as readonly string[]).includes(d)) &&
    /^\d\d:\d\d/.test(String(s.opens_at ?? "")) &&
    /^\d\d:\d\d/.test(String(s.closes_at ?? ""))
  );
}

/** The opening hours as the staff form edits them, from the offer's HSDS schedules. */
export function schedulesFromHsds(hsds: Json): ScheduleEntry[] {
  return asList(hsds.schedules)
    .filter(isEditable)
    .map((s) => ({
      weekdays: String(s.byday).split(",") as Weekday[],
      opensAt: hhmm(s.opens_at),
      closesAt: hhmm(s.closes_at),
      description: typeof s.description === "string" ? s.description : null,
    }));
}

/** Opening hours in HSDS 3.0 schedule shape (freq WEEKLY, byday, opens_at/closes_at as HH:MM:SS). */
export function schedulesToHsds(serviceId: string, entries: ScheduleEntry[], previous: Json = {}): Json[] {
  const kept = asList(previous.schedules).filter((s) => !isEditable(s));
  return [
    ...kept,
    ...entries.map((e) => ({
      id: randomUUID(),
      service_id: serviceId,
      freq: "WEEKLY",
      wkst: "MO",
      byday: e.weekdays.join(","),
      opens_at: `${e.opensAt}:00`,
      closes_at: `${e.closesAt}:00`,
      ...(e.description ? { description: e.description } : {}),
    })),
  ];
}

/** Contact person, phone and e-mail, from HSDS contacts[0].name, phones[0].number and email. */
export function contactFromHsds(hsds: Json): OfferContactFields {
  const [contact] = asList(hsds.contacts);
  const [phone] = asList(hsds.phones);
  return {
    person: typeof contact?.name === "string" ? contact.name : null,
    phone: typeof phone?.number === "string" ? phone.number : null,
    email: typeof hsds.email === "string" ? hsds.email : null,
  };
}

/** Writes the contact into the HSDS fields; further phones or contacts an import brought stay. */
export function contactToHsds(
  serviceId: string,
  contact: Partial<OfferContactFields>,
  previous: Json = {},
): Json {
  const current = contactFromHsds(previous);
  const next = { ...current, ...contact };
  const [firstPhone, ...otherPhones] = asList(previous.phones);
  const [firstContact, ...otherContacts] = asList(previous.contacts);
  const out: Json = {
    phones: next.phone
      ? [
          {
            ...firstPhone,
            id: firstPhone?.id ?? randomUUID(),
            service_id: serviceId,
            number: next.phone,
            type: firstPhone?.type ?? "voice",
          },
          ...otherPhones,
        ]
      : otherPhones,
    contacts: next.person
      ? [
          { ...firstContact, id: firstContact?.id ?? randomUUID(), service_id: serviceId, name: next.person },
          ...otherContacts,
        ]
      : otherContacts,
  };
  // Undefined drops the key when the JSON is written, so a removed e-mail leaves no trace.
  out.email = next.email ?? undefined;
  return out;
}
