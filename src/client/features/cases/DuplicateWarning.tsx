import { Alert, Anchor, Checkbox, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDay } from "#client/components/format.ts";
import type { DuplicateCandidates } from "#shared/contracts/clients.ts";

type Props = {
  candidates: DuplicateCandidates["candidates"];
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
};

/**
 * The records of the organisation that may be the same person, with their open cases. A second
 * record splits the person's history, so a new one needs the counsellor's explicit confirmation.
 */
export function DuplicateWarning({ candidates, confirmed, onConfirm }: Props) {
  const { t } = useTranslation();
  if (candidates.length === 0) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={t("clients.duplicates.title")} mb="md">
      <Text size="sm" mb="xs">
        {t("clients.duplicates.text")}
      </Text>
      <List size="sm" spacing="xs" mb="md">
        {candidates.map((c) => (
          <List.Item key={c.id}>
            <Text span fw={600} size="sm" dir="auto">
              {c.name}
            </Text>{" "}
            ({formatDay(c.dateOfBirth)}, <span dir="ltr">{c.pseudonym}</span>)
            {c.openCaseIds.length === 0 ? (
              <Text span size="sm">
                {" – "}
                {t("clients.duplicates.noOpenCase")}
              </Text>
            ) : (
              c.openCaseIds.map((id, i) => (
                <span key={id}>
                  {" – "}
                  <Anchor component={Link} to={`/cases/${id}`} size="sm">
                    {t("clients.duplicates.openCase", { name: c.name, n: i + 1 })}
                  </Anchor>
                </span>
              ))
            )}
          </List.Item>
        ))}
      </List>
      <Checkbox
        label={t("clients.duplicates.confirm")}
        checked={confirmed}
        onChange={(e) => onConfirm(e.currentTarget.checked)}
      />
    </Alert>
  );
}
