import { Alert, Anchor, Button, Checkbox, Group, List, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useApiQuery } from "#client/api/use-api.ts";
import { formatDay } from "#client/components/format.ts";
import { ItemsView } from "#client/components/QueryView.tsx";
import type { Profile, ProfileContent } from "#shared/contracts/competences.ts";
import { competenceRoutes } from "#shared/contracts/routes/competences.ts";
import { AddButton, ItemCard, SpecialCheckbox } from "./fields.tsx";
import { fieldError, newId, type PartProps, removeAt, replaceAt } from "./model.ts";
import { NextStepModal, type TakeOver } from "./NextStepModal.tsx";

type Goal = ProfileContent["goals"][number];

/** The directory's start-up offers for a self-employment goal: take one over as a step or refer. */
function StartupOffers({
  profile,
  goal,
  onTake,
}: {
  profile: Profile;
  goal: Goal;
  onTake: (t: TakeOver) => void;
}) {
  const { t } = useTranslation();
  const offers = useApiQuery(competenceRoutes.startupOffers, { params: { profileId: profile.id } });
  return (
    <section aria-label={t("competenceProfile.goals.startupOffers")}>
      <Title order={5} size="h6" mb={4}>
        {t("competenceProfile.goals.startupOffers")}
      </Title>
      <ItemsView query={offers} empty={<Text size="sm">{t("competenceProfile.goals.noStartupOffers")}</Text>}>
        {(data) => (
          <List spacing="xs" size="sm">
            {data.items.map((o) => (
              <List.Item key={o.id}>
                <Group gap="sm" wrap="wrap">
                  <Text size="sm" dir="auto">
                    <Anchor component={Link} to={`/offers/${o.id}`}>
                      {o.name}
                    </Anchor>{" "}
                    – <bdi>{o.organisationName}</bdi>
                    {o.city ? `, ${o.city}` : ""}
                  </Text>
                  {profile.caseId ? (
                    <>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() =>
                          onTake({ goalId: goal.id, title: goal.text, offerId: o.id, offerName: o.name })
                        }
                      >
                        {t("competenceProfile.goals.takeOfferNamed", { name: o.name })}
                      </Button>
                      <Anchor
                        component={Link}
                        to={`/cases/${profile.caseId}?tab=referrals&refer=${o.id}`}
                        size="sm"
                      >
                        {t("competenceProfile.goals.referNamed", { name: o.name })}
                      </Anchor>
                    </>
                  ) : null}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </ItemsView>
    </section>
  );
}

/** KomBI step 4: goals, their next steps taken over into the case, start-up offers for founders. */
export function GoalsStep({
  value,
  onChange,
  errors,
  profile,
  dirty,
  onProfileChanged,
}: PartProps<"goals"> & { dirty: boolean; onProfileChanged: () => void }) {
  const { t } = useTranslation();
  const [taking, setTaking] = useState<TakeOver | null>(null);
  const set = (i: number, patch: Partial<Goal>) => {
    const g = value[i];
    if (g) onChange(replaceAt(value, i, { ...g, ...patch }));
  };
  const saved = (id: string) => profile.content.goals.find((g) => g.id === id);
  return (
    <Stack gap="md">
      <Text c="dimmed">{t("competenceProfile.goals.intro")}</Text>
      {profile.caseId === null ? (
        <Alert color="gray" variant="light">
          {t("competenceProfile.goals.noCase")}
        </Alert>
      ) : dirty ? (
        <Text size="sm" c="dimmed">
          {t("competenceProfile.goals.saveFirst")}
        </Text>
      ) : null}
      {value.length === 0 ? <Text>{t("competenceProfile.goals.none")}</Text> : null}
      {value.map((g, i) => {
        const name = g.text.slice(0, 80) || t("competenceProfile.goals.numbered", { n: i + 1 });
        const stored = saved(g.id);
        const steps = profile.nextSteps.filter((s) => g.caseNextStepIds.includes(s.id));
        return (
          <ItemCard key={g.id} title={name} onRemove={() => onChange(removeAt(value, i))}>
            <Stack gap="sm">
              <Textarea
                label={t("competenceProfile.goals.text")}
                required
                autosize
                minRows={2}
                dir="auto"
                value={g.text}
                error={fieldError(errors, `goals.${i}.text`)}
                onChange={(e) => set(i, { text: e.currentTarget.value })}
              />
              <Checkbox
                label={t("competenceProfile.goals.selfEmployment")}
                checked={g.selfEmployment}
                onChange={(e) => set(i, { selfEmployment: e.currentTarget.checked })}
              />
              <SpecialCheckbox checked={g.special} onChange={(special) => set(i, { special })} />
              {steps.length > 0 ? (
                <div>
                  <Text size="sm" fw={600}>
                    {t("competenceProfile.goals.steps")}
                  </Text>
                  <List size="sm">
                    {steps.map((s) => (
                      <List.Item key={s.id}>
                        <bdi>{s.title}</bdi>
                        {s.dueDate
                          ? ` · ${t("competenceProfile.goals.due", { date: formatDay(s.dueDate) })}`
                          : ""}
                        {s.doneAt ? ` · ${t("competenceProfile.goals.done")}` : ""}
                      </List.Item>
                    ))}
                  </List>
                </div>
              ) : null}
              {stored && profile.caseId && !dirty ? (
                <Group>
                  <Button
                    variant="light"
                    onClick={() => setTaking({ goalId: g.id, title: g.text, offerId: null, offerName: null })}
                  >
                    {t("competenceProfile.goals.takeOverNamed", { name })}
                  </Button>
                </Group>
              ) : null}
              {stored?.selfEmployment && !dirty ? (
                <StartupOffers profile={profile} goal={g} onTake={setTaking} />
              ) : null}
            </Stack>
          </ItemCard>
        );
      })}
      <AddButton
        label={t("competenceProfile.goals.add")}
        onClick={() =>
          onChange([
            ...value,
            { id: newId(), text: "", selfEmployment: false, caseNextStepIds: [], special: false },
          ])
        }
      />
      <NextStepModal
        profile={profile}
        item={taking}
        onClose={() => setTaking(null)}
        onDone={() => {
          setTaking(null);
          onProfileChanged();
        }}
      />
    </Stack>
  );
}
