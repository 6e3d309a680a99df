import type { CasePanelProps } from "../cases/panel.ts";

/** Placeholder until the consents panel is built (issue 4). */
export function ConsentsPanel(_props: CasePanelProps) {
  return null;
}
