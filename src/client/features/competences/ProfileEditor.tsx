import { Button, Group, Paper, Tabs, Text } from "@mantine/core";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { callApi } from "#client/api/client.ts";
import { notifySuccess } from "#client/components/notify.ts";
import type { UnsavedItem } from "#client/components/StaleVersionAlert.tsx";
import { FormProblem } from "#client/forms/FormProblem.tsx";
import { useSubmit } from "#client/forms/use-submit.ts";
import type { Profile, ProfileContent } from "#shared/contracts/competences.ts";
import { competenceRoutes } from "#shared/contracts/routes/competences.ts";
import { EducationSection } from "./EducationSection.tsx";
import { EntrepreneurshipSection } from "./EntrepreneurshipSection.tsx";
import { InterestsSection } from "./InterestsSection.tsx";
import { KombiSteps } from "./KombiSteps.tsx";
import { LanguagesSection } from "./LanguagesSection.tsx";
import { type ContentKey, changedParts, summarisePart } from "./model.ts";
import { WorkSection } from "./WorkSection.tsx";

/** Tabs of the editor; the key is the ?tab= value. */
export const EDIT_TABS = [
  "kombi",
  "education",
  "work",
  "languages",
  "interests",
  "entrepreneurship",
] as const;

type Props = {
  profile: Profile;
  /** The panels that are not part of the document (versions, outputs, shares), by tab key. */
  extraTabs: { key: string; panel: ReactNode }[];
  /** Loads the profile again (after a save, or after a 412 with what could not be saved). */
  reload: (unsaved: UnsavedItem[]) => void;
};

/**
 * The counsellor's editor: one draft of the whole document across the tabs, so that switching tabs
 * keeps what was typed; a save sends only the parts that changed, with the version as If-Match.
 */
export function ProfileEditor({ profile, extraTabs, reload }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const [draft, setDraft] = useState<ProfileContent>(profile.content);
  const { busy, error, run, fields } = useSubmit();
  const setPart = <K extends keyof ProfileContent>(key: K, value: ProfileContent[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const changes = changedParts(profile.content, draft);
  const changedKeys = Object.keys(changes) as ContentKey[];
  const contentChanged = changedKeys.some((k) => k !== "step");
  const partLabel = (k: ContentKey) => t(`competenceProfile.parts.${k}`);
  const unsaved = (): UnsavedItem[] =>
    changedKeys.map((k) => ({
      label: partLabel(k),
      value: summarisePart(draft, k) || t("competenceProfile.unsavedPart"),
    }));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await run(() =>
      callApi(
        competenceRoutes.update,
        { params: { profileId: profile.id }, body: changes },
        { ifMatch: profile.version },
      ),
    );
    if (ok) {
      notifySuccess(t("competenceProfile.saved"));
      reload([]);
    }
  };

  const tabs = [...EDIT_TABS, ...extraTabs.map((x) => x.key)];
  const requested = search.get("tab");
  const active = requested && tabs.includes(requested) ? requested : "kombi";
  const select = (value: string | null) =>
    setSearch(
      (prev) => {
        const p = new URLSearchParams(prev);
        p.set("tab", value ?? "kombi");
        return p;
      },
      { replace: true },
    );
  const common = { errors: fields, profile };
  const parts: Record<(typeof EDIT_TABS)[number], ReactNode> = {
    kombi: (
      <KombiSteps
        draft={draft}
        setPart={setPart}
        errors={fields}
        profile={profile}
        dirty={contentChanged}
        onProfileChanged={() => reload([])}
      />
    ),
    education: (
      <EducationSection {...common} value={draft.education} onChange={(v) => setPart("education", v)} />
    ),
    work: <WorkSection {...common} value={draft.work} onChange={(v) => setPart("work", v)} />,
    languages: (
      <LanguagesSection {...common} value={draft.languages} onChange={(v) => setPart("languages", v)} />
    ),
    interests: (
      <InterestsSection {...common} value={draft.interests} onChange={(v) => setPart("interests", v)} />
    ),
    entrepreneurship: (
      <EntrepreneurshipSection
        {...common}
        value={draft.entrepreneurship}
        onChange={(v) => setPart("entrepreneurship", v)}
      />
    ),
  };

  return (
    <Paper withBorder radius="md">
      <Tabs value={active} onChange={select} keepMounted={false}>
        <Tabs.List aria-label={t("competenceProfile.tabs.label")}>
          {tabs.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`competenceProfile.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {EDIT_TABS.map((key) => (
          <Tabs.Panel key={key} value={key} p="lg">
            <form onSubmit={save} noValidate aria-label={t(`competenceProfile.tabs.${key}`)}>
              <FormProblem error={error} onReload={reload} unsaved={unsaved} />
              {parts[key]}
              <Group justify="space-between" mt="lg" wrap="wrap">
                <Text size="sm" c="dimmed" role="status">
                  {changedKeys.length > 0
                    ? t("competenceProfile.unsaved", { parts: changedKeys.map(partLabel).join(", ") })
                    : t("competenceProfile.allSaved")}
                </Text>
                <Button type="submit" loading={busy} disabled={changedKeys.length === 0}>
                  {t("competenceProfile.save")}
                </Button>
              </Group>
            </form>
          </Tabs.Panel>
        ))}
        {extraTabs.map(({ key, panel }) => (
          <Tabs.Panel key={key} value={key} p="lg">
            {panel}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Paper>
  );
}
