import { Anchor, Button, Group, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useApiQuery } from "#client/api/use-api.ts";
import { formatDay } from "#client/components/format.ts";
import { notifySuccess } from "#client/components/notify.ts";
import { ToneBadge } from "#client/components/ToneBadge.tsx";
import { FormModal } from "#client/forms/FormModal.tsx";
import { trainingRoutes } from "#shared/contracts/routes/trainings.ts";
import { CohortForm } from "./CohortForm.tsx";
import { COHORT_TONE, goalText } from "./labels.ts";
import { MixSection } from "./MixSection.tsx";
import type { CohortPanelProps } from "./panel.ts";

/** What the cohort is: dates, place, places, trainers, the programme's goals and the mix of actor groups. */
export function OverviewPanel({ cohort, reload }: CohortPanelProps) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const programmes = useApiQuery(trainingRoutes.programmes, editing ? {} : null);
  const c = (k: string, o: Record<string, unknown> = {}) => t(`trainings.core.cohorts.${k}`, o);
  const fact = (label: string, value: React.ReactNode) => (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" dir="auto">
        {value}
      </Text>
    </Stack>
  );
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <ToneBadge tone={COHORT_TONE[cohort.status]}>{t(`trainings.core.status.${cohort.status}`)}</ToneBadge>
        {cohort.relation.coordinator ? (
          <Button variant="default" onClick={() => setEditing(true)}>
            {c("edit")}
          </Button>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        {fact(
          c("dates"),
          c("datesValue", { from: formatDay(cohort.startsOn), to: formatDay(cohort.endsOn) }),
        )}
        {fact(c("place"), [cohort.location, cohort.online ? c("online") : null].filter(Boolean).join(" · "))}
        {fact(
          c("places"),
          <>
            {c("placesValue", { enrolled: cohort.enrolled, capacity: cohort.capacity })}
            {cohort.waitlisted > 0 ? ` · ${c("waitlistedValue", { count: cohort.waitlisted })}` : ""}
          </>,
        )}
        {fact(
          c("trainers"),
          cohort.trainers.length > 0 ? cohort.trainers.map((tr) => tr.name).join(", ") : c("noTrainers"),
        )}
        {fact(
          c("status"),
          cohort.registrationOpen ? (
            <>
              {c("open")}
              {cohort.relation.coordinator ? (
                <>
                  {" · "}
                  <Anchor component={Link} to={`/apply/${cohort.id}`}>
                    {c("applyLink")}
                  </Anchor>
                </>
              ) : null}
            </>
          ) : (
            c("closed")
          ),
        )}
      </SimpleGrid>
      <section aria-labelledby="about-heading">
        <Title order={3} size="h4" id="about-heading" mb="xs">
          {t("trainings.core.overview.about")}
        </Title>
        {cohort.programme.description ? (
          <Text size="sm" dir="auto" mb="sm">
            {cohort.programme.description}
          </Text>
        ) : null}
        <Text size="sm" fw={600}>
          {t("trainings.core.programmes.goals")}
        </Text>
        <List size="sm" type="ordered">
          {cohort.programme.goals.map((g) => (
            <List.Item key={g.id}>
              <span dir="auto">{goalText(g.text, i18n.language)}</span>
            </List.Item>
          ))}
        </List>
      </section>
      <MixSection cohortId={cohort.id} />
      <FormModal item={editing || null} title={c("edit")} onClose={() => setEditing(false)} size="lg">
        {programmes.data ? (
          <CohortForm
            item={cohort}
            programmes={programmes.data.items}
            onClose={() => setEditing(false)}
            onReload={() => {
              setEditing(false);
              reload();
            }}
            onSaved={() => {
              notifySuccess(c("saved"));
              setEditing(false);
              reload();
            }}
          />
        ) : null}
      </FormModal>
    </Stack>
  );
}
