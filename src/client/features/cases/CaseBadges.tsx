import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { isOverdue } from "#client/components/dates.ts";
import { formatDay } from "#client/components/format.ts";
import { type Tone, ToneBadge } from "#client/components/ToneBadge.tsx";
import type { CaseStatus } from "#shared/cases.ts";

const TONES: Record<CaseStatus, Tone> = { open: "green", paused: "yellow", closed: "gray" };

/** A case's status in words and colour (never colour alone). */
export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return <ToneBadge tone={TONES[status]}>{t(`cases.statuses.${status}`)}</ToneBadge>;
}

/** The IQ phase a case is in, as a short badge ("Phase 2"). */
export function PhaseBadge({ phase }: { phase: number }) {
  const { t } = useTranslation();
  return <ToneBadge tone="blue">{t("directory.phaseNumber", { n: phase })}</ToneBadge>;
}

/**
 * A due date; a late one says so in words ("überfällig") beside the date, in bold red, so the
 * meaning does not rest on colour alone.
 */
export function DueDate({ day, overdue }: { day: string | null; overdue?: boolean }) {
  const { t } = useTranslation();
  if (!day) return <>–</>;
  const late = overdue ?? isOverdue(day);
  if (!late) return <>{formatDay(day)}</>;
  return (
    <Text span fw={700} c="red.9" size="inherit">
      {formatDay(day)} ({t("cases.overdue")})
    </Text>
  );
}
