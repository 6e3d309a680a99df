import { Group, Stack, Tabs, Text, Textarea, TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { orNull } from "#client/components/format.ts";
import { type Tone, ToneBadge } from "#client/components/ToneBadge.tsx";
import {
  type OfferTranslations,
  TRANSLATION_LOCALES,
  type TranslationLocale,
} from "#shared/contracts/offers.ts";
import { FINDER_LOCALE_NAMES } from "#shared/directory.ts";
import { RTL_LOCALES } from "#shared/domain.ts";
import { languageName } from "./labels.ts";

export type TranslationValues = Record<TranslationLocale, { name: string; description: string }>;

export function translationValues(translations: OfferTranslations | undefined): TranslationValues {
  return Object.fromEntries(
    TRANSLATION_LOCALES.map((l) => [
      l,
      { name: translations?.[l]?.name ?? "", description: translations?.[l]?.description ?? "" },
    ]),
  ) as TranslationValues;
}

/**
 * The request's translations: a language with a name or a description is sent (a description
 * without a name then comes back as "required" on the name), an empty one is left out, which
 * removes it.
 */
export function translationsBody(values: TranslationValues): OfferTranslations {
  const body: Record<string, { name?: string; description: string | null }> = {};
  for (const l of TRANSLATION_LOCALES) {
    const name = values[l].name.trim();
    const description = orNull(values[l].description) ?? null;
    if (name || description) body[l] = { ...(name ? { name } : {}), description };
  }
  return body as OfferTranslations;
}

type State = "complete" | "noDescription" | "missing";
function stateOf(v: { name: string; description: string }): State {
  if (!v.name.trim()) return "missing";
  return v.description.trim() ? "complete" : "noDescription";
}
const TONE: Record<State, Tone> = { complete: "green", noDescription: "yellow", missing: "gray" };

type Props = {
  value: TranslationValues;
  onChange: (value: TranslationValues) => void;
  /** The server's messages below `translations`, keyed "uk.name". */
  errors: Record<string, string>;
};

/**
 * Name and description in every language of the public finder, one tab per language named in
 * its own script; each tab says whether the translation is complete, lacks the description or
 * is missing, and the fields carry the language's `lang` and `dir`.
 */
export function TranslationFields({ value, onChange, errors }: Props) {
  const { t } = useTranslation();
  const [active, setActive] = useState<string | null>("en");
  const hasError = (l: TranslationLocale) => Boolean(errors[`${l}.name`] || errors[`${l}.description`]);
  // After a failed save the first language with a problem opens, so its message is seen.
  const errorKey = Object.keys(errors).sort().join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: errorKey stands for the errors
  useEffect(() => {
    const first = TRANSLATION_LOCALES.find(hasError);
    if (first) setActive(first);
  }, [errorKey]);

  const set = (l: TranslationLocale, field: "name" | "description", text: string) =>
    onChange({ ...value, [l]: { ...value[l], [field]: text } });
  const missing = TRANSLATION_LOCALES.filter((l) => stateOf(value[l]) === "missing");

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t("offerTranslations.hint")}
      </Text>
      <Text size="sm" fw={600}>
        {missing.length === 0
          ? t("offerTranslations.allDone")
          : t("offerTranslations.missingList", { languages: missing.map(languageName).join(", ") })}
      </Text>
      <Tabs value={active} onChange={setActive} keepMounted>
        <Tabs.List aria-label={t("offerTranslations.tabs")}>
          {TRANSLATION_LOCALES.map((l) => {
            const state = stateOf(value[l]);
            return (
              <Tabs.Tab key={l} value={l} color={hasError(l) ? "red" : undefined}>
                <Group gap={6} wrap="nowrap">
                  <span lang={l}>{FINDER_LOCALE_NAMES[l]}</span>
                  {hasError(l) ? (
                    <ToneBadge tone="red">{t("offerTranslations.invalid")}</ToneBadge>
                  ) : (
                    <ToneBadge tone={TONE[state]}>{t(`offerTranslations.state.${state}`)}</ToneBadge>
                  )}
                </Group>
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        {TRANSLATION_LOCALES.map((l) => {
          const dir = RTL_LOCALES.includes(l) ? "rtl" : "ltr";
          const language = languageName(l);
          return (
            <Tabs.Panel key={l} value={l} pt="md">
              <Stack>
                <TextInput
                  label={t("offerTranslations.name", { language })}
                  lang={l}
                  dir={dir}
                  maxLength={200}
                  value={value[l].name}
                  error={errors[`${l}.name`]}
                  onChange={(e) => set(l, "name", e.currentTarget.value)}
                />
                <Textarea
                  label={t("offerTranslations.description", { language })}
                  lang={l}
                  dir={dir}
                  autosize
                  minRows={3}
                  maxRows={10}
                  maxLength={4000}
                  value={value[l].description}
                  error={errors[`${l}.description`]}
                  onChange={(e) => set(l, "description", e.currentTarget.value)}
                />
              </Stack>
            </Tabs.Panel>
          );
        })}
      </Tabs>
    </Stack>
  );
}
