import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type OfferTranslations, TRANSLATION_LOCALES } from "#shared/contracts/offers.ts";
import { RTL_LOCALES } from "#shared/domain.ts";
import { languageName } from "./labels.ts";

/** An offer's public texts in the finder's languages, and which of them are still missing. */
export function TranslationList({ translations }: { translations: OfferTranslations }) {
  const { t } = useTranslation();
  const present = TRANSLATION_LOCALES.filter((l) => translations[l]?.name);
  const missing = TRANSLATION_LOCALES.filter((l) => !translations[l]?.name);
  return (
    <Stack gap="xs">
      {present.map((l) => {
        const text = translations[l];
        const dir = RTL_LOCALES.includes(l) ? "rtl" : "ltr";
        return (
          <div key={l}>
            <Text size="sm" fw={600} component="div">
              {languageName(l)}
            </Text>
            <div lang={l} dir={dir}>
              {text?.name}
            </div>
            {text?.description ? (
              <Text size="sm" lang={l} dir={dir} component="div">
                {text.description}
              </Text>
            ) : (
              <Text size="sm" c="dimmed" component="div">
                {t("offerTranslations.state.noDescription")}
              </Text>
            )}
          </div>
        );
      })}
      {missing.length > 0 ? (
        <Text size="sm" c="dimmed" component="div">
          {t("offerTranslations.missingList", { languages: missing.map(languageName).join(", ") })}
        </Text>
      ) : null}
    </Stack>
  );
}
