import type { Db, Tx } from "#server/db/client.ts";
import type { SeedProgrammeKey } from "#shared/trainings.ts";
import { type GoalText, trainingGoals, trainingProgrammes } from "./tables.ts";

type SeedProgramme = {
  key: SeedProgrammeKey;
  title: string;
  description: string;
  targetGroups: string;
  modules: number;
  hours: number;
  goals: GoalText[];
};

/**
 * The seed's two trainings of the IQ Landesnetzwerk Sachsen-Anhalt. The Diversity-Beratung's seven
 * goals are the seed's list for diversity advisors; the KomBI goals are what the seed says the format
 * is for (interlocking offers along the process chain, coordinating referral offers, interface
 * management between actor groups, using the competence documentation).
 */
export const SEED_PROGRAMMES: readonly SeedProgramme[] = [
  {
    key: "diversity",
    title: "Diversity-Beratung in eigener Organisation",
    description:
      "Weiterbildung für Mitarbeitende aus Unternehmen, Bildungseinrichtungen, Stadtverwaltungen und zivilgesellschaftlichen Trägern, die in ihrer Institution die Interkulturelle Öffnung beraten, anstoßen und begleiten. Lern- und Austauschplattform und Labor zugleich: sie stärkt vorhandene Netzwerke.",
    targetGroups: "Unternehmen, Bildungseinrichtungen, Stadtverwaltungen, zivilgesellschaftliche Träger",
    modules: 7,
    hours: 42,
    goals: [
      {
        de: "Verfügt über ein Aufgaben- und Rollenprofil als Diversity-Berater*in, entwickelt in kritischer Auseinandersetzung mit Inklusion, Verteilungsgerechtigkeit und dem inklusiveren Dienstleistungscharakter öffentlicher Einrichtungen, und kann es vertreten",
        en: "Has a task and role profile as a diversity advisor, developed through critical engagement with inclusion, distributive justice and a more inclusive service character of public institutions, and can represent it",
        ar: "يمتلك ملفًا للمهام والدور كمستشار للتنوع، طُوّر من خلال التناول النقدي للإدماج والعدالة في التوزيع والطابع الخدمي الأكثر شمولًا للمؤسسات العامة، ويستطيع تمثيله",
      },
      {
        de: "Erkennt zentrale Barrieren in der eigenen Institution",
        en: "Recognises the central barriers in their own institution",
        ar: "يتعرّف على العوائق الرئيسية في مؤسسته",
      },
      {
        de: "Kann notwendiges Wissen innerhalb der Institution an andere vermitteln und Informationen zielgerichtet weiterleiten (Wissensmanagement)",
        en: "Can pass on the necessary knowledge to others within the institution and forward information purposefully (knowledge management)",
        ar: "يستطيع نقل المعرفة اللازمة إلى الآخرين داخل المؤسسة وتوجيه المعلومات بشكل هادف (إدارة المعرفة)",
      },
      {
        de: "Erkennt den Bedarf an Interkultureller Öffnung in der eigenen Institution, macht ihn sichtbar, stößt ihn an und entwickelt erste Lösungs- und Handlungsstrategien",
        en: "Recognises the need for intercultural opening in their institution, makes it visible, initiates it and develops first solutions and strategies for action",
        ar: "يتعرّف على الحاجة إلى الانفتاح بين الثقافات في مؤسسته ويجعلها مرئية ويطلقها ويضع أولى استراتيجيات الحلول والعمل",
      },
      {
        de: "Weiß, wie der Prozess Interkultureller Öffnung gemanagt wird und welche Maßnahmen auf welcher Ebene erfolgen müssen, und kann dazu beraten und begleiten",
        en: "Knows how the process of intercultural opening is managed and which measures are needed at which level, and can advise on it and accompany it",
        ar: "يعرف كيف تُدار عملية الانفتاح بين الثقافات وما التدابير اللازمة على أي مستوى، ويستطيع تقديم المشورة بشأنها ومرافقتها",
      },
      {
        de: "Kann mit auftretenden Konflikten und Hemmnissen umgehen",
        en: "Can deal with conflicts and obstacles that arise",
        ar: "يستطيع التعامل مع النزاعات والعقبات التي قد تنشأ",
      },
      {
        de: "Weiß, wie Netzwerke und ihre Schnittstellen zur eigenen Institution aktiv gestaltet und aufgebaut und wie Kolleg*innen eingebunden werden",
        en: "Knows how to actively shape and build networks and their interfaces with their institution, and how to involve colleagues",
        ar: "يعرف كيف تُبنى الشبكات وواجهاتها مع مؤسسته وتُشكَّل بفاعلية، وكيف يُشرك الزملاء فيها",
      },
    ],
  },
  {
    key: "kombi",
    title: "KomBI-Laufbahnberatung für Ehren- und Hauptamtliche",
    description:
      "Weiterbildung für Ehrenamtliche und Mitglieder von Migrant*innenorganisationen, Mitarbeitende von Jobcentern, Unternehmen und berufsbildenden Einrichtungen. Das Format verzahnt die Angebote entlang der IQ-Prozesskette, koordiniert Verweisangebote und stärkt das Schnittstellenmanagement zwischen den Akteursgruppen.",
    targetGroups:
      "Ehrenamtliche, Migrant*innenorganisationen, Jobcenter, Unternehmen, berufsbildende Einrichtungen",
    modules: 6,
    hours: 36,
    goals: [
      {
        de: "Verzahnt die eigenen Angebote mit denen der anderen entlang der IQ-Prozesskette",
        en: "Interlocks their own offers with those of others along the IQ process chain",
        ar: "يربط عروضه بعروض الآخرين على امتداد سلسلة عمليات IQ",
      },
      {
        de: "Koordiniert Verweisangebote: weiß, wohin verwiesen wird, und verweist passend",
        en: "Coordinates referral offers: knows where to refer and refers appropriately",
        ar: "ينسّق عروض الإحالة: يعرف إلى أين يُحيل ويُحيل بشكل مناسب",
      },
      {
        de: "Gestaltet die Schnittstellen zwischen Ehrenamt, Migrant*innenorganisationen, Jobcenter, Unternehmen und Bildungseinrichtungen (Schnittstellenmanagement)",
        en: "Shapes the interfaces between volunteers, migrant organisations, Jobcenters, companies and education providers (interface management)",
        ar: "يشكّل الواجهات بين العمل التطوعي ومنظمات المهاجرين ومراكز التوظيف والشركات ومؤسسات التعليم (إدارة الواجهات)",
      },
      {
        de: "Setzt die Kompetenzdokumentation in der Laufbahnberatung ein",
        en: "Uses the competence documentation in career counselling",
        ar: "يستخدم توثيق الكفاءات في الإرشاد المهني",
      },
    ],
  },
];

/**
 * Makes sure the seed programmes exist (every installation starts with them). Idempotent and safe
 * when two instances start together: the key is unique, and only the one that inserted the programme
 * writes its goals.
 */
export async function ensureSeedProgrammes(db: Db | Tx): Promise<void> {
  for (const p of SEED_PROGRAMMES) {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(trainingProgrammes)
        .values({
          key: p.key,
          title: p.title,
          description: p.description,
          targetGroups: p.targetGroups,
          modules: p.modules,
          hours: p.hours,
        })
        .onConflictDoNothing()
        .returning({ id: trainingProgrammes.id });
      if (!row) return;
      await tx
        .insert(trainingGoals)
        .values(p.goals.map((text, i) => ({ programmeId: row.id, position: i + 1, text })));
    });
  }
}
