import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useApiQuery } from "#client/api/use-api.ts";
import { formatDay } from "#client/components/format.ts";
import { PageTitle } from "#client/components/PageTitle.tsx";
import { QueryView } from "#client/components/QueryView.tsx";
import { hasPermission, useRequiredSession } from "#client/session/session-context.ts";
import type { HomeItem, HomeSection } from "#shared/contracts/home.ts";
import { routeStub } from "#shared/contracts/route.ts";
import type { homeRoutes } from "#shared/contracts/routes/home.ts";
import { DeadlinesCard } from "./DeadlinesCard.tsx";
import { HOME_CARDS, itemDetail } from "./home-content.ts";

// The start page is the first one loaded: a stub keeps zod and the contracts out of its chunk.
const homeRoute = routeStub<typeof homeRoutes.get>("GET", "/api/home");

/** The start page: who acts for which organisation, the work of today, and the areas of the role. */
export function HomePage() {
  const { t } = useTranslation();
  const session = useRequiredSession();
  const { role, organisationName } = session.active;
  const home = useApiQuery(homeRoute);
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

      <QueryView query={home}>
        {(data) => (
          <>
            {data.deadlines ? <DeadlinesCard items={data.deadlines} /> : null}
            <section aria-labelledby="home-work">
              <Title order={2} size="h3" id="home-work" mb="sm">
                {t("home.workTitle")}
              </Title>
              <SimpleGrid cols={{ base: 1, md: 2 }} mb="xl">
                {data.sections.map((s) => (
                  <WorkSection key={s.key} section={s} />
                ))}
              </SimpleGrid>
            </section>
          </>
        )}
      </QueryView>

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
    </>
  );
}

const BADGE: Record<HomeSection["tone"], { color: string; text: string }> = {
  overdue: { color: "red", text: "#8f1d1d" },
  attention: { color: "yellow", text: "#5c3c00" },
  info: { color: "gray", text: "#343a40" },
};

/** One kind of work: how many, the first few records with links, and the way to all of them. */
function WorkSection({ section: s }: { section: HomeSection }) {
  const { t } = useTranslation();
  const id = `home-work-${s.key}`;
  const badge = BADGE[s.tone];
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h4" id={id}>
            {t(`home.work.${s.key}.title`)}
          </Title>
          <Badge
            size="lg"
            variant="light"
            color={badge.color}
            style={{ color: badge.text }}
            aria-label={t("home.count", { n: s.count })}
          >
            {s.count}
          </Badge>
        </Group>
        <Text size="sm">{s.count === 0 ? t(`home.work.${s.key}.empty`) : t(`home.work.${s.key}.text`)}</Text>
        {s.overdue !== null && s.overdue > 0 ? (
          <Text size="sm" fw={700} c="red.9">
            {t("home.overdueOfThem", { n: s.overdue })}
          </Text>
        ) : null}
        {s.items.length > 0 ? (
          <List spacing="xs" size="sm" listStyleType="none" ps={0}>
            {s.items.map((item) => (
              <List.Item key={item.id}>
                <WorkItem sectionKey={s.key} item={item} />
              </List.Item>
            ))}
          </List>
        ) : null}
        {s.to && s.count > 0 ? (
          <Anchor component={Link} to={s.to} size="sm" fw={600}>
            {t(`home.work.${s.key}.open`)}
          </Anchor>
        ) : null}
      </Stack>
    </Paper>
  );
}

function label(t: TFunction, key: HomeSection["key"], item: HomeItem): string {
  if (key === "interfaces_late")
    return t("home.item.interface", { from: item.label, to: item.organisation ?? "" });
  return item.label;
}

function WorkItem({ sectionKey, item }: { sectionKey: HomeSection["key"]; item: HomeItem }) {
  const { t } = useTranslation();
  const parts = itemDetail(sectionKey, item, formatDay).map(([k, values]) =>
    t(`home.item.${k}`, k === "role" ? { role: t(`roles.${values.role}`) } : values),
  );
  return (
    <div>
      <Anchor component={Link} to={item.to} fw={600} dir="auto">
        {label(t, sectionKey, item)}
      </Anchor>
      {parts.length > 0 ? (
        <Text size="sm" c="dimmed" component="div" dir="auto">
          {parts.join(" · ")}
          {item.overdue ? (
            <Text span fw={700} c="red.9" size="sm">
              {" "}
              ({t("cases.overdue")})
            </Text>
          ) : null}
        </Text>
      ) : null}
    </div>
  );
}
