/**
 * The concepts of the EU controlled vocabularies the export uses. Every concept and every scheme is
 * a node with id and type (the shapes check `sh:class skos:Concept` / `skos:ConceptScheme` on them).
 * Concept URIs are the published ones (EU Vocabularies; the ones without a pattern are copied from
 * the official ELM v3 samples, see reference/elm/PROVENANCE.md).
 */

type Labels = Record<string, string>;
const scheme = (id: string) => ({ id, type: "ConceptScheme" });
const concept = (id: string, inScheme: string, prefLabel: Labels, notation?: string) => ({
  id,
  type: "Concept",
  inScheme: scheme(inScheme),
  ...(notation ? { notation } : {}),
  prefLabel,
});

export const EQF_SCHEME = "http://data.europa.eu/snb/eqf/25831c2";
export const ESCO_SKILLS_SCHEME = "http://data.europa.eu/esco/concept-scheme/skills";
const LANGUAGE_SCHEME = "http://publications.europa.eu/resource/authority/language";
const COUNTRY_SCHEME = "http://publications.europa.eu/resource/authority/country";

/** EQF level n (1–8): http://data.europa.eu/snb/eqf/<n> in the EQF scheme. */
export function eqfLevel(level: number) {
  return concept(`http://data.europa.eu/snb/eqf/${level}`, EQF_SCHEME, {
    de: `EQR-Niveau ${level}`,
    en: `EQF level ${level}`,
  });
}

/** The ESCO skill concept, with its German and English labels where ESCO has them. */
export function escoSkill(uri: string, labels: { de: string | null; en: string | null } | undefined) {
  const prefLabel: Labels = {};
  if (labels?.de) prefLabel.de = labels.de;
  if (labels?.en) prefLabel.en = labels.en;
  return {
    id: uri,
    type: "Concept",
    inScheme: scheme(ESCO_SKILLS_SCHEME),
    notation: "Skill",
    ...(Object.keys(prefLabel).length > 0 ? { prefLabel } : {}),
  };
}

/** The EDC credential profile "Generic" (from the official samples). */
export const GENERIC_PROFILE = concept(
  "http://data.europa.eu/snb/credential/e34929035b",
  "http://data.europa.eu/snb/credential/25831c2",
  { en: "Generic" },
);
/** Content encoding base64 (from the official samples). */
export const BASE64 = concept(
  "http://data.europa.eu/snb/encoding/6146cde7dd",
  "http://data.europa.eu/snb/encoding/25831c2",
  { en: "base64" },
);
/** File type SVG of the EU file-type authority table. */
export const SVG = concept(
  "http://publications.europa.eu/resource/authority/file-type/SVG",
  "http://publications.europa.eu/resource/authority/file-type",
  { en: "SVG" },
  "file-type",
);
export const GERMANY = concept(
  `${COUNTRY_SCHEME}/DEU`,
  COUNTRY_SCHEME,
  { de: "Deutschland", en: "Germany" },
  "country",
);

/**
 * ISO 639-1 → the code of the EU language authority table (ISO 639-2/T, upper case), for every
 * code of #shared/languages.ts.
 */
const ISO_639_2T: Record<string, string> = Object.fromEntries(
  (
    "aa:aar ab:abk ae:ave af:afr ak:aka am:amh an:arg ar:ara as:asm av:ava ay:aym az:aze ba:bak be:bel " +
    "bg:bul bi:bis bm:bam bn:ben bo:bod br:bre bs:bos ca:cat ce:che ch:cha co:cos cr:cre cs:ces cu:chu " +
    "cv:chv cy:cym da:dan de:deu dv:div dz:dzo ee:ewe el:ell en:eng eo:epo es:spa et:est eu:eus fa:fas " +
    "ff:ful fi:fin fj:fij fo:fao fr:fra fy:fry ga:gle gd:gla gl:glg gn:grn gu:guj gv:glv ha:hau he:heb " +
    "hi:hin ho:hmo hr:hrv ht:hat hu:hun hy:hye hz:her ia:ina id:ind ie:ile ig:ibo ii:iii ik:ipk io:ido " +
    "is:isl it:ita iu:iku ja:jpn jv:jav ka:kat kg:kon ki:kik kj:kua kk:kaz kl:kal km:khm kn:kan ko:kor " +
    "kr:kau ks:kas ku:kur kv:kom kw:cor ky:kir la:lat lb:ltz lg:lug li:lim ln:lin lo:lao lt:lit lu:lub " +
    "lv:lav mg:mlg mh:mah mi:mri mk:mkd ml:mal mn:mon mr:mar ms:msa mt:mlt my:mya na:nau nb:nob nd:nde " +
    "ne:nep ng:ndo nl:nld nn:nno no:nor nr:nbl nv:nav ny:nya oc:oci oj:oji om:orm or:ori os:oss pa:pan " +
    "pi:pli pl:pol ps:pus pt:por qu:que rm:roh rn:run ro:ron ru:rus rw:kin sa:san sc:srd sd:snd se:sme " +
    "sg:sag si:sin sk:slk sl:slv sm:smo sn:sna so:som sq:sqi sr:srp ss:ssw st:sot su:sun sv:swe sw:swa " +
    "ta:tam te:tel tg:tgk th:tha ti:tir tk:tuk tl:tgl tn:tsn to:ton tr:tur ts:tso tt:tat tw:twi ty:tah " +
    "ug:uig uk:ukr ur:urd uz:uzb ve:ven vi:vie vo:vol wa:wln wo:wol xh:xho yi:yid yo:yor za:zha zh:zho zu:zul"
  )
    .split(" ")
    .map((pair) => pair.split(":") as [string, string]),
);

const languageNames = {
  de: new Intl.DisplayNames(["de"], { type: "language" }),
  en: new Intl.DisplayNames(["en"], { type: "language" }),
};
export function languageName(code: string): { de: string; en: string } {
  return { de: languageNames.de.of(code) ?? code, en: languageNames.en.of(code) ?? code };
}

/** The language concept of the EU authority table for an ISO 639-1 code. */
export function language(code: string) {
  const iso3 = ISO_639_2T[code];
  if (!iso3) throw new Error(`europass: no EU language code for ${code}`);
  return concept(`${LANGUAGE_SCHEME}/${iso3.toUpperCase()}`, LANGUAGE_SCHEME, languageName(code), "language");
}
export const GERMAN = language("de");
export const ENGLISH = language("en");
