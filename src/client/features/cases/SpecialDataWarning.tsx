import { Alert, Anchor, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Case } from "#shared/contracts/cases.ts";

/**
 * Shown on a case whose special-category data (Art. 9 DSGVO) has neither a documentation consent
 * covering special categories nor another recorded legal basis: what is there, what is missing,
 * and the three ways out, each leading to the tab where it is done.
 */
export function SpecialDataWarning({ caseRecord: c }: { caseRecord: Case }) {
  const { t } = useTranslation();
  const s = c.specialData;
  if (!s || s.covered) return null;
  const held = [
    ...s.fields.map((f) => t(`clients.fields.${f}`)),
    ...(s.specialNotes > 0 ? [t("specialData.notes", { n: s.specialNotes })] : []),
  ].join(", ");
  const tab = (name: string) => ({ search: `?tab=${name}` });
  return (
    <Alert
      color="red"
      variant="light"
      mb="lg"
      title={t("specialData.warningTitle")}
      styles={{ title: { color: "var(--mantine-color-red-9)" } }}
    >
      <Text size="sm" mb="xs">
        {t("specialData.warningText", { held })}
      </Text>
      {s.legalBasis === "art9_2a" ? (
        <Text size="sm" mb="xs">
          {t("specialData.consentNamedButMissing")}
        </Text>
      ) : null}
      <Text size="sm" fw={600}>
        {t("specialData.whatToDo")}
      </Text>
      <List size="sm" spacing={4}>
        {c.abilities.manageConsents ? (
          <List.Item>
            <Anchor component={Link} to={tab("consents")} size="sm">
              {t("specialData.recordConsent")}
            </Anchor>
          </List.Item>
        ) : null}
        <List.Item>
          <Anchor component={Link} to={tab("client")} size="sm">
            {t("specialData.recordBasis")}
          </Anchor>
        </List.Item>
        {s.fields.length > 0 ? (
          <List.Item>
            <Anchor component={Link} to={tab("client")} size="sm">
              {t("specialData.removeData")}
            </Anchor>
          </List.Item>
        ) : null}
      </List>
    </Alert>
  );
}
