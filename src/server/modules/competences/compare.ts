import { PROFILE_SECTIONS, type ProfileSection } from "#shared/competences.ts";
import type { ProfileContent } from "#shared/contracts/competences.ts";
import { sameJson as same, sectionPart } from "./sections.ts";

/** An item of a section as the comparison follows it: a stable key, its words and its fields. */
type Item = { key: string; label: string; value: Record<string, unknown> };

const byId = (list: { id: string; title?: string; text?: string }[]): Item[] =>
  list.map((i) => ({ key: i.id, label: i.title ?? i.text ?? i.id, value: i }));

function itemsOf(content: ProfileContent, section: ProfileSection): Item[] {
  switch (section) {
    case "languages": {
      const l = content.languages;
      const mother =
        l.motherTongues.length > 0
          ? [
              {
                key: "motherTongues",
                label: l.motherTongues.join(", "),
                value: { motherTongues: l.motherTongues },
              },
            ]
          : [];
      return [...mother, ...l.other.map((o) => ({ key: o.language, label: o.language, value: o }))];
    }
    case "entrepreneurship": {
      const e = content.entrepreneurship;
      const idea = e.businessIdea
        ? [{ key: "businessIdea", label: e.businessIdea.field, value: e.businessIdea }]
        : [];
      return [...idea, ...e.entreComp.map((c) => ({ key: c.competence, label: c.competence, value: c }))];
    }
    default:
      return byId(sectionPart(content, section) as { id: string; title?: string; text?: string }[]);
  }
}

/** What changed between two contents, per section: items added, removed and changed (which fields). */
export function compareContents(before: ProfileContent, after: ProfileContent) {
  return PROFILE_SECTIONS.flatMap((section) => {
    const old = itemsOf(before, section);
    const now = itemsOf(after, section);
    const oldByKey = new Map(old.map((i) => [i.key, i]));
    const nowKeys = new Set(now.map((i) => i.key));
    const added = now.filter((i) => !oldByKey.has(i.key)).map((i) => i.label);
    const removed = old.filter((i) => !nowKeys.has(i.key)).map((i) => i.label);
    const changed = now.flatMap((i) => {
      const was = oldByKey.get(i.key);
      if (!was || same(was.value, i.value)) return [];
      const keys = [...new Set([...Object.keys(was.value), ...Object.keys(i.value)])];
      return [{ item: i.label, fields: keys.filter((k) => !same(was.value[k], i.value[k])) }];
    });
    return added.length + removed.length + changed.length > 0 ? [{ section, added, removed, changed }] : [];
  });
}
