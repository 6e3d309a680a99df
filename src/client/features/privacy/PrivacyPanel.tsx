import type { CasePanelProps } from "../cases/panel.ts";

/** Placeholder until the privacy panel is built (issue 4). */
export function PrivacyPanel(_props: CasePanelProps) {
  return null;
}
