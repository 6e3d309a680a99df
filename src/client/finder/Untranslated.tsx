import { useFinder } from "./context.ts";

/**
 * Says, in the visitor's language, that the text next to it is German because nobody has
 * translated it yet; the German text itself carries lang="de" so that a screen reader reads it
 * with a German voice.
 */
export function Untranslated() {
  const { t } = useFinder();
  return <p className="untranslated">{t("offer.notTranslated")}</p>;
}
