import type { CasePanelProps } from "../cases/panel.ts";

/** Placeholder until the recognition panel is built (issue 4). */
export function RecognitionPanel(_props: CasePanelProps) {
  return null;
}
