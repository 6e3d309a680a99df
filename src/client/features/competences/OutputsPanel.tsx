import { Anchor, Group, NativeSelect, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { languageName } from "#client/features/offers/labels.ts";
import type { Profile } from "#shared/contracts/competences.ts";
import { pathOf } from "#shared/contracts/route.ts";
import { competenceRoutes } from "#shared/contracts/routes/competences.ts";
import { FINDER_LOCALES } from "#shared/directory.ts";

/** The client's first language that the PDF speaks; English when the finder has none of them. */
export function defaultPdfLanguage(clientLanguages: readonly string[]): string {
  return clientLanguages.find((l) => l !== "de" && (FINDER_LOCALES as readonly string[]).includes(l)) ?? "en";
}

/** The profile to take away: the bilingual PDF and the Europass export (JSON-LD, or signed). */
export function OutputsPanel({ profile, clientLanguages }: { profile: Profile; clientLanguages: string[] }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState(() => defaultPdfLanguage(clientLanguages));
  const params = { profileId: profile.id };
  return (
    <Stack gap="lg">
      <section aria-labelledby="pdf-heading">
        <Title order={2} size="h4" id="pdf-heading" mb="xs">
          {t("competenceProfile.outputs.pdf")}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t("competenceProfile.outputs.pdfHint")}
        </Text>
        <Group align="flex-end" gap="md" wrap="wrap">
          <NativeSelect
            label={t("competenceProfile.outputs.language")}
            value={language}
            data={FINDER_LOCALES.map((l) => ({ value: l, label: languageName(l) }))}
            onChange={(e) => setLanguage(e.currentTarget.value)}
          />
          <Anchor href={pathOf(competenceRoutes.pdf, { params, query: { language } })} download>
            {t("competenceProfile.outputs.downloadPdf", { language: languageName(language) })}
          </Anchor>
        </Group>
      </section>
      <section aria-labelledby="europass-heading">
        <Title order={2} size="h4" id="europass-heading" mb="xs">
          {t("competenceProfile.outputs.europass")}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t("competenceProfile.outputs.europassHint")}
        </Text>
        <Group gap="lg" wrap="wrap">
          <Anchor href={pathOf(competenceRoutes.europass, { params, query: { format: "jsonld" } })} download>
            {t("competenceProfile.outputs.jsonld")}
          </Anchor>
          <Anchor href={pathOf(competenceRoutes.europass, { params, query: { format: "jws" } })} download>
            {t("competenceProfile.outputs.jws")}
          </Anchor>
        </Group>
      </section>
    </Stack>
  );
}
