import type { Tx } from "#server/db/client.ts";
import { interfaces } from "#server/modules/interfaces/tables.ts";
import type { HandoverChannel, InterfaceScope } from "#shared/referrals.ts";

type DemoInterface = {
  from: string;
  to: string;
  fromUnit?: string;
  toUnit?: string;
  what: string;
  how: string;
  channel: HandoverChannel;
  fromContact: string;
  toContact: string;
  /** Agreed answer and completion times in working days. */
  days: [number, number];
  status?: "active" | "inactive";
};

/**
 * The demo's interface register: the usual handovers of an IQ network — into recognition
 * counselling, on to bridging qualifications and the competent bodies. Contact persons are invented.
 */
const DEMO_INTERFACES: DemoInterface[] = [
  {
    from: "mo-md",
    to: "cs-iq-md",
    what: "Ratsuchende mit ausländischem Berufsabschluss zur Anerkennungsberatung",
    how: "Verweis in Lotse mit Einwilligung; Zeugniskopien und Übersetzungen, soweit vorhanden",
    channel: "lotse",
    fromContact: "Herr Haddad",
    toContact: "Frau Sommer",
    days: [3, 20],
  },
  {
    from: "mo-hal",
    to: "cs-iq-hal",
    what: "Ratsuchende mit ausländischem Berufsabschluss zur Anerkennungsberatung",
    how: "Verweis in Lotse; Begleitung zum Erstgespräch durch Ehrenamtliche möglich",
    channel: "lotse",
    fromContact: "Frau Mansour",
    toContact: "Frau Sommer",
    days: [3, 20],
  },
  {
    from: "jc-md",
    to: "cs-iq-md",
    what: "Leistungsberechtigte mit ausländischem Abschluss zur Anerkennungs- und Qualifizierungsberatung",
    how: "Verweis in Lotse mit Einwilligung; Rückmeldung zum Ergebnis an die Integrationsfachkraft",
    channel: "lotse",
    fromContact: "Team Markt und Integration",
    toContact: "Frau Sommer",
    days: [5, 30],
  },
  {
    from: "jc-hal",
    to: "cs-iq-hal",
    what: "Leistungsberechtigte mit ausländischem Abschluss zur Anerkennungsberatung",
    how: "Verweis in Lotse; Beratungstermin innerhalb der Antwortfrist",
    channel: "lotse",
    fromContact: "Herr Becker",
    toContact: "Frau Sommer",
    days: [5, 30],
  },
  {
    from: "aa-md",
    to: "cs-iq-md",
    what: "Arbeitsuchende mit ausländischem Abschluss zur Anerkennungsberatung",
    how: "Verweis per E-Mail an das Funktionspostfach; Einwilligung liegt der Agentur vor",
    channel: "email",
    fromContact: "Berufsberatung im Erwerbsleben",
    toContact: "Frau Sommer",
    days: [5, 30],
  },
  {
    from: "cs-iq-md",
    to: "bt-md",
    what: "Teilnehmende für Anpassungsqualifizierungen nach Teilanerkennung",
    how: "Verweis in Lotse mit Feststellungsbescheid; Platzzusage oder Absage mit Grund",
    channel: "lotse",
    fromContact: "Frau Sommer",
    toContact: "Herr Richter",
    days: [10, 60],
  },
  {
    from: "cs-iq-hal",
    to: "bt-abi",
    what: "Pflegefachkräfte für die Anpassungsqualifizierung oder Kenntnisprüfung",
    how: "Verweis in Lotse mit Defizitbescheid des Landesverwaltungsamts",
    channel: "lotse",
    fromContact: "Frau Sommer",
    toContact: "Frau Lehmann",
    days: [10, 60],
  },
  {
    from: "cs-iq-hal",
    to: "bt-hal",
    what: "Ratsuchende für Berufssprachkurse (B2/C1) als Teil der Anpassungsqualifizierung",
    how: "Verweis in Lotse; Einstufung durch die Sprachschule",
    channel: "lotse",
    fromContact: "Frau Sommer",
    toContact: "Frau Nowak",
    days: [5, 30],
  },
  {
    from: "cs-iq-md",
    to: "ihk-md",
    what: "Anträge auf Feststellung der Gleichwertigkeit in IHK-Berufen",
    how: "Vorab-Klärung der Unterlagen per Telefon, Antrag durch die ratsuchende Person",
    channel: "phone",
    fromContact: "Frau Sommer",
    toContact: "Anerkennungsstelle",
    days: [5, 60],
  },
  {
    from: "ihk-md",
    to: "cs-iq-md",
    what: "Antragstellende mit Teilanerkennung zur Qualifizierungsberatung",
    how: "Verweis in Lotse nach Bescheid; Bescheid als Anlage",
    channel: "lotse",
    fromContact: "Anerkennungsstelle",
    toContact: "Frau Sommer",
    days: [5, 30],
  },
  {
    from: "hwk-hal",
    to: "cs-iq-hal",
    what: "Antragstellende im Handwerk mit Teilanerkennung zur Qualifizierungsberatung",
    how: "Verweis per E-Mail mit Bescheid",
    channel: "email",
    fromContact: "Abteilung Berufsbildung",
    toContact: "Frau Sommer",
    days: [5, 30],
  },
  {
    from: "jc-md",
    to: "jc-md",
    fromUnit: "Eingangszone",
    toUnit: "Team Markt und Integration",
    what: "Neukundinnen und -kunden mit ausländischem Abschluss zur Integrationsfachkraft",
    how: "Übergabe im Fachverfahren mit Terminvergabe",
    channel: "in_person",
    fromContact: "Eingangszone",
    toContact: "Teamleitung Markt und Integration",
    days: [3, 10],
  },
];

/** Seeds the register; a pair that is already there is left as it is. */
export async function seedDemoInterfaces(tx: Tx, idOf: Map<string, string>) {
  const rows = DEMO_INTERFACES.flatMap((d) => {
    const fromOrganisationId = idOf.get(d.from);
    const toOrganisationId = idOf.get(d.to);
    if (!fromOrganisationId || !toOrganisationId) return [];
    const scope: InterfaceScope = d.from === d.to ? "institution" : "external";
    return [
      {
        fromOrganisationId,
        toOrganisationId,
        fromUnit: d.fromUnit ?? "",
        toUnit: d.toUnit ?? "",
        scope,
        agreementWhat: d.what,
        agreementHow: d.how,
        channel: d.channel,
        fromContact: d.fromContact,
        toContact: d.toContact,
        answerWithinDays: d.days[0],
        completeWithinDays: d.days[1],
        status: d.status ?? "active",
      },
    ];
  });
  const inserted = await tx
    .insert(interfaces)
    .values(rows)
    .onConflictDoNothing({
      target: [
        interfaces.fromOrganisationId,
        interfaces.toOrganisationId,
        interfaces.fromUnit,
        interfaces.toUnit,
      ],
    })
    .returning({ id: interfaces.id });
  return { interfaces: inserted.length };
}
