import type { CohortDetail } from "#shared/contracts/trainings.ts";

/** What the cohort page gives each of its panels: the cohort as loaded, and a way to load it again. */
export type CohortPanelProps = { cohort: CohortDetail; reload: () => void };
