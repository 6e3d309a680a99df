import { Button, Group, Stepper } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { KOMBI_STEPS } from "#shared/competences.ts";
import type { Profile, ProfileContent } from "#shared/contracts/competences.ts";
import { ActivitiesStep } from "./ActivitiesStep.tsx";
import { CompetencesStep } from "./CompetencesStep.tsx";
import { GoalsStep } from "./GoalsStep.tsx";
import type { FieldErrors } from "./model.ts";
import { PhasesStep } from "./PhasesStep.tsx";

type Props = {
  draft: ProfileContent;
  setPart: <K extends keyof ProfileContent>(key: K, value: ProfileContent[K]) => void;
  errors: FieldErrors;
  profile: Profile;
  dirty: boolean;
  onProfileChanged: () => void;
};

/**
 * The four KomBI steps, each a step of its own; the profile opens at the step it was saved at
 * (`content.step`), so that the next sitting resumes where the last one ended.
 */
export function KombiSteps({ draft, setPart, errors, profile, dirty, onProfileChanged }: Props) {
  const { t } = useTranslation();
  const active = Math.max(0, KOMBI_STEPS.indexOf(draft.step));
  const go = (i: number) => {
    const step = KOMBI_STEPS[i];
    if (step) setPart("step", step);
  };
  const common = { errors, profile };
  return (
    <>
      <Stepper active={active} onStepClick={go} allowNextStepsSelect size="sm" mb="md">
        <Stepper.Step
          label={t("competenceProfile.steps.phases")}
          description={t("competenceProfile.stepNumber", { n: 1 })}
        >
          <PhasesStep {...common} value={draft.phases} onChange={(v) => setPart("phases", v)} />
        </Stepper.Step>
        <Stepper.Step
          label={t("competenceProfile.steps.activities")}
          description={t("competenceProfile.stepNumber", { n: 2 })}
        >
          <ActivitiesStep {...common} value={draft.phases} onChange={(v) => setPart("phases", v)} />
        </Stepper.Step>
        <Stepper.Step
          label={t("competenceProfile.steps.competences")}
          description={t("competenceProfile.stepNumber", { n: 3 })}
        >
          <CompetencesStep
            {...common}
            phases={draft.phases}
            value={draft.competences}
            onChange={(v) => setPart("competences", v)}
          />
        </Stepper.Step>
        <Stepper.Step
          label={t("competenceProfile.steps.goals")}
          description={t("competenceProfile.stepNumber", { n: 4 })}
        >
          <GoalsStep
            {...common}
            value={draft.goals}
            onChange={(v) => setPart("goals", v)}
            dirty={dirty}
            onProfileChanged={onProfileChanged}
          />
        </Stepper.Step>
      </Stepper>
      <Group justify="space-between" mt="md">
        <Button variant="default" disabled={active === 0} onClick={() => go(active - 1)}>
          {t("competenceProfile.previousStep")}
        </Button>
        <Button variant="default" disabled={active === KOMBI_STEPS.length - 1} onClick={() => go(active + 1)}>
          {t("competenceProfile.nextStep")}
        </Button>
      </Group>
    </>
  );
}
