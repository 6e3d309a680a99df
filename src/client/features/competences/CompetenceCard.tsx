import { Anchor, Paper, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { hasPermission, useRequiredSession } from "#client/session/session-context.ts";

/** The way from a case to its client's competence documentation (for roles that may read it). */
export function CompetenceCard({ clientId, caseId }: { clientId: string; caseId: string }) {
  const { t } = useTranslation();
  const session = useRequiredSession();
  if (!hasPermission(session, "competence.read")) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="competence-card-heading">
      <Title order={2} size="h4" id="competence-card-heading" mb={4}>
        {t("competenceProfile.title")}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t("competenceProfile.card.text")}
      </Text>
      <Anchor component={Link} to={`/clients/${clientId}/competences?case=${caseId}`}>
        {t("competenceProfile.card.open")}
      </Anchor>
    </Paper>
  );
}
