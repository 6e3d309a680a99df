import { Alert, Button, Checkbox, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { languageName } from "#client/features/offers/labels.ts";
import { FormModal } from "#client/forms/FormModal.tsx";
import { CONSENT_PURPOSES } from "#shared/cases.ts";
import { consentSheetUrl, isSheetLanguage, SHEET_LANGUAGES, type SheetLanguage } from "./labels.ts";

type Props = {
  clientId: string;
  /** The client's preferred languages, first the main one. */
  preferredLanguages: readonly string[];
  opened: boolean;
  onClose: () => void;
};

/** Choosing the second language and the purposes of the printable information and consent sheet. */
export function ConsentSheetModal({ opened, onClose, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal item={opened || null} onClose={onClose} title={t("consents.sheet.title")}>
      {opened ? <SheetForm onClose={onClose} {...rest} /> : null}
    </FormModal>
  );
}

function SheetForm({ clientId, preferredLanguages, onClose }: Omit<Props, "opened">) {
  const { t } = useTranslation();
  const first = preferredLanguages.find(isSheetLanguage);
  // The first preferred language the sheet exists in; else English, the server's fallback too.
  const [language, setLanguage] = useState<SheetLanguage>(first ?? "en");
  const unavailable = !first && preferredLanguages.some((l) => l !== "de");
  const [purposes, setPurposes] = useState<string[]>([...CONSENT_PURPOSES]);

  return (
    <Stack>
      <Text size="sm">{t("consents.sheet.intro")}</Text>
      <NativeSelect
        label={t("consents.sheet.language")}
        description={t("consents.sheet.languageHint")}
        data={SHEET_LANGUAGES.map((l) => ({ value: l, label: `${languageName(l)} (${l})` }))}
        value={language}
        onChange={(e) => {
          const chosen = e.currentTarget.value;
          if (isSheetLanguage(chosen)) setLanguage(chosen);
        }}
      />
      {unavailable ? (
        <Alert color="yellow" variant="light">
          {t("consents.sheet.noSheetLanguage", {
            languages: preferredLanguages
              .filter((l) => l !== "de")
              .map((l) => languageName(l))
              .join(", "),
          })}
        </Alert>
      ) : null}
      <Checkbox.Group
        label={t("consents.sheet.purposes")}
        required
        value={purposes}
        onChange={setPurposes}
        error={purposes.length === 0 ? t("consents.sheet.choosePurpose") : undefined}
      >
        <Stack gap={6} mt="xs">
          {CONSENT_PURPOSES.map((p) => (
            <Checkbox key={p} value={p} label={t(`consents.purposes.${p}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t("common.cancel")}
        </Button>
        {purposes.length > 0 ? (
          <Button
            component="a"
            // The PDF opens in a tab of its own, where the browser prints it.
            href={consentSheetUrl(
              clientId,
              language,
              CONSENT_PURPOSES.filter((p) => purposes.includes(p)),
            )}
            target="_blank"
            rel="noopener"
          >
            {t("consents.sheet.open")}
          </Button>
        ) : (
          <Button disabled>{t("consents.sheet.open")}</Button>
        )}
      </Group>
    </Stack>
  );
}
