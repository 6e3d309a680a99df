import { Anchor, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ToneBadge } from "#client/components/ToneBadge.tsx";
import type { OccupationRecognition as Recognition } from "#shared/contracts/recognition.ts";

/** "reglementiert" / "nicht reglementiert" as a badge. */
export function RegulatedBadge({ recognition }: { recognition: Recognition }) {
  const { t } = useTranslation();
  return recognition.regulated ? (
    <ToneBadge tone="yellow">{t("occupations.regulated")}</ToneBadge>
  ) : (
    <ToneBadge tone="gray">{t("occupations.notRegulated")}</ToneBadge>
  );
}

/** The competent authority or the assessing bodies, names only, for a line in a list. */
export function bodiesLine(recognition: Recognition): string {
  return recognition.bodies.map((b) => b.name).join(" · ");
}

/**
 * What Lotse's list says about recognition of a reference occupation in Sachsen-Anhalt: regulated or
 * not, the profession and its law, the competent authority (or who assesses), and the remarks.
 */
export function RecognitionInfo({ recognition: r }: { recognition: Recognition }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <RegulatedBadge recognition={r} />
        {r.kind ? (
          <Text size="sm" c="dimmed">
            {t(`occupations.kinds.${r.kind}`)}
          </Text>
        ) : null}
      </Group>
      {r.profession ? (
        <Text size="sm" lang="de" fw={500}>
          {r.profession}
        </Text>
      ) : null}
      <Text size="sm">{t(`occupations.routes.${r.route}`)}</Text>
      {r.bodies.length > 0 ? (
        <div>
          <Text size="sm" fw={600} span>
            {r.regulated ? t("occupations.authority") : t("occupations.assessedBy")}:
          </Text>{" "}
          {r.bodies.map((b, i) => (
            <Text key={b.name} size="sm" span lang="de">
              {i > 0 ? " · " : ""}
              {b.url ? (
                <Anchor href={b.url} target="_blank" rel="noreferrer" size="sm">
                  {b.name}
                </Anchor>
              ) : (
                b.name
              )}
            </Text>
          ))}
        </div>
      ) : null}
      {r.law ? (
        <Text size="xs" c="dimmed" lang="de">
          {r.law}
        </Text>
      ) : null}
      {r.notes.map((n) => (
        <Text key={n} size="xs" c="dimmed">
          {t(`occupations.notes.${n}`)}
        </Text>
      ))}
    </Stack>
  );
}
