import type { Case } from "#shared/contracts/cases.ts";

/** What the case page gives each of its panels: the case as loaded, and a way to load it again. */
export type CasePanelProps = { caseRecord: Case; reload: () => void };
