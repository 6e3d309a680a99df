import type { CasePanelProps } from "../cases/panel.ts";

/** Placeholder until the referrals panel of the case page is built (issue 5). */
export function ReferralsPanel(_props: CasePanelProps) {
  return null;
}
