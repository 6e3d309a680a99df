import { Button, Card, List, SimpleGrid, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageTitle } from "../../components/PageTitle.tsx";
import { hasPermission, useRequiredSession } from "../../session/session-context.ts";
import { DeadlinesCard } from "./DeadlinesCard.tsx";
import { HOME_CARDS, UPCOMING } from "./home-content.ts";

/** The start page: who acts for which organisation, and what this role can do here. */
export function HomePage() {
  const { t } = useTranslation();
  const session = useRequiredSession();
  const { role, organisationName } = session.active;
  const cards = HOME_CARDS.filter((c) => hasPermission(session, c.permission));

  return (
    <>
      <PageTitle>{t("home.greeting", { name: session.user.name })}</PageTitle>
      <Text size="lg" mb="xs">
        {t("home.acting", { organisation: organisationName, role: t(`roles.${role}`) })}
      </Text>
      <Text c="dimmed" mb="xl">
        {t(`home.roleIntro.${role}`)}
      </Text>

      {hasPermission(session, "case.read") ? <DeadlinesCard /> : null}

      <section aria-labelledby="home-modules">
        <Title order={2} size="h3" id="home-modules" mb="sm">
          {t("home.modulesTitle")}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} mb="xl">
          {cards.map((c) => (
            <Card key={c.key} withBorder padding="lg" radius="md">
              <Title order={3} size="h4" mb="xs">
                {t(`home.cards.${c.key}.title`)}
              </Title>
              <Text size="sm" c="dimmed" mb="md" style={{ flexGrow: 1 }}>
                {t(`home.cards.${c.key}.text`)}
              </Text>
              <Button component={Link} to={c.to} variant="light">
                {t(`home.cards.${c.key}.open`)}
              </Button>
            </Card>
          ))}
        </SimpleGrid>
      </section>

      <section aria-labelledby="home-upcoming">
        <Title order={2} size="h3" id="home-upcoming" mb="xs">
          {t("home.upcomingTitle")}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t("home.upcomingIntro")}
        </Text>
        <List spacing="xs">
          {UPCOMING[role].map((m) => (
            <List.Item key={m}>
              <Text span fw={600}>
                {t(`home.upcoming.${m}.title`)}
              </Text>
              {" – "}
              {t(`home.upcoming.${m}.text`)}
            </List.Item>
          ))}
        </List>
      </section>
    </>
  );
}
