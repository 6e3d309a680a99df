import { useTranslation } from "react-i18next";
import type { Procedure } from "#shared/contracts/recognition.ts";
import "./journey.css";
import { formatDay } from "#client/components/format.ts";
import { journeyOf, type Stage, type StageStatus } from "./journey.ts";

/** The words for a stage's status; they carry the meaning, so the colours never stand alone. */
function useStatusText() {
  const { t } = useTranslation();
  return (stage: Stage, optional: boolean): string => {
    const date = stage.date ? formatDay(stage.date) : null;
    switch (stage.status) {
      case "done":
        return date ? t("recognition.journey.doneOn", { date }) : t("recognition.journey.done");
      case "current":
        return date ? t("recognition.journey.currentSince", { date }) : t("recognition.journey.current");
      case "skipped":
        return t("recognition.journey.skipped");
      case "not_taken":
        return t("recognition.journey.notTaken");
      default:
        if (stage.dueDate) return t("recognition.journey.aheadDue", { date: formatDay(stage.dueDate) });
        return optional ? t("recognition.journey.possible") : t("recognition.journey.ahead");
    }
  };
}

function Mark({ status, number }: { status: StageStatus; number?: number }) {
  const sign =
    status === "done" ? "✓" : status === "skipped" || status === "not_taken" ? "–" : (number ?? "·");
  return (
    <span className="journey-mark" aria-hidden="true">
      {sign}
    </span>
  );
}

function BranchStage({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  const statusText = useStatusText();
  return (
    <li data-status={stage.status} aria-current={stage.status === "current" ? "step" : undefined}>
      <Mark status={stage.status} />
      <span className="journey-name">{t(`recognition.states.${stage.state}`)}</span>
      <span className="journey-note">{statusText(stage, true)}</span>
    </li>
  );
}

/**
 * The journey of one procedure as a path: done, current and coming stages with their dates, the
 * appeal as a branch off the decision and the possible ends. An ordered list for screen readers,
 * with aria-current on the stage the journey is at.
 */
export function JourneyPath({ procedure, labelId }: { procedure: Procedure; labelId: string }) {
  const { t } = useTranslation();
  const statusText = useStatusText();
  const journey = journeyOf(procedure);
  const endCurrent = journey.ends.some((s) => s.status === "current");
  return (
    <ol className="journey" aria-labelledby={labelId}>
      {journey.main.map((stage, i) => (
        <li
          key={stage.state}
          className="journey-stage"
          data-status={stage.status}
          aria-current={stage.status === "current" ? "step" : undefined}
        >
          <Mark status={stage.status} number={i + 1} />
          <span className="journey-name">{t(`recognition.states.${stage.state}`)}</span>
          <span className="journey-note">{statusText(stage, false)}</span>
          {stage.state === "decided" ? (
            <ul className="journey-branch" aria-label={t("recognition.journey.branch")}>
              <BranchStage stage={journey.appeal} />
            </ul>
          ) : null}
        </li>
      ))}
      <li className="journey-stage" data-status={endCurrent ? "current" : "ahead"}>
        <Mark status={endCurrent ? "current" : "ahead"} number={journey.main.length + 1} />
        <span className="journey-name">{t("recognition.journey.end")}</span>
        <ul className="journey-branch" aria-label={t("recognition.journey.ends")}>
          {journey.ends.map((stage) => (
            <BranchStage key={stage.state} stage={stage} />
          ))}
        </ul>
      </li>
    </ol>
  );
}
