import { Button, Group, NativeSelect, Radio, Stack, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, callApi } from "#client/api/client.ts";
import { notifyError, notifySuccess } from "#client/components/notify.ts";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { FormModal } from "#client/forms/FormModal.tsx";
import type { Referral, ReferralTransition } from "#shared/contracts/referrals.ts";
import { referralRoutes } from "#shared/contracts/routes/referrals.ts";
import {
  DECLINE_REASONS,
  type DeclineReason,
  REFERRAL_OUTCOMES,
  type ReferralOutcome,
  UNSUCCESSFUL_REASONS,
  type UnsuccessfulReason,
} from "#shared/referrals.ts";

type Move = ReferralTransition["to"];
const MOVES: readonly Move[] = ["accepted", "in_progress", "completed", "declined", "withdrawn"];
/** Moves that need a reason or an outcome, or that cannot be undone, ask in a dialog first. */
const ASKS: readonly Move[] = ["completed", "declined", "withdrawn"];

type Props = { referral: Referral; onChanged: () => void };

/** The moves the server says the caller may make now, as buttons. */
export function ReferralMoves({ referral, onChanged }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<Move | null>(null);
  const [busy, setBusy] = useState<Move | null>(null);
  const moves = MOVES.filter((m) => referral.nextStates.includes(m));
  if (moves.length === 0) return null;

  const move = async (body: ReferralTransition): Promise<ApiError | undefined> => {
    setBusy(body.to);
    try {
      await callApi(referralRoutes.transition, { params: { referralId: referral.id }, body });
      notifySuccess(t(`referrals.moves.done.${body.to}`));
      setAsking(null);
      onChanged();
      return undefined;
    } catch (err) {
      // Someone else moved it first (409): say what happened and show the referral as it now is.
      if (err instanceof ApiError && err.status === 422) return err;
      notifyError(err);
      setAsking(null);
      onChanged();
      return undefined;
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Group gap="sm" mt="md">
        {moves.map((m) => (
          <Button
            key={m}
            variant={m === "declined" || m === "withdrawn" ? "default" : "filled"}
            loading={busy === m && asking === null}
            onClick={() => (ASKS.includes(m) ? setAsking(m) : void move({ to: m }))}
          >
            {t(`referrals.moves.${m}`)}
          </Button>
        ))}
      </Group>
      {asking ? (
        <MoveDialog move={asking} busy={busy !== null} onSubmit={move} onClose={() => setAsking(null)} />
      ) : null}
    </>
  );
}

type DialogProps = {
  move: Move;
  busy: boolean;
  onSubmit: (body: ReferralTransition) => Promise<ApiError | undefined>;
  onClose: () => void;
};

/** Completing asks for the outcome (and why not, if it failed), declining for a reason. */
function MoveDialog({ move, busy, onSubmit, onClose }: DialogProps) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<ReferralOutcome | "">("");
  const [outcomeReason, setOutcomeReason] = useState<UnsuccessfulReason | "">("");
  const [declineReason, setDeclineReason] = useState<DeclineReason | "">("");
  const [comment, setComment] = useState("");
  const [error, setError] = useState<ApiError>();
  const [missing, setMissing] = useState<Record<string, string>>({});
  const fields = { ...error?.fieldErrors(), ...missing };

  const submit = async () => {
    const required = t("referrals.moves.required");
    const gaps: Record<string, string> = {};
    if (move === "completed" && !outcome) gaps.outcome = required;
    if (move === "completed" && outcome === "not_successful" && !outcomeReason) gaps.outcomeReason = required;
    if (move === "declined" && !declineReason) gaps.declineReason = required;
    setMissing(gaps);
    if (Object.keys(gaps).length > 0) return;
    const body: ReferralTransition = { to: move };
    if (move === "completed" && outcome) body.outcome = outcome;
    if (outcome === "not_successful" && outcomeReason) body.outcomeReason = outcomeReason;
    if (move === "declined" && declineReason) body.declineReason = declineReason;
    if (comment.trim()) body.comment = comment.trim();
    setError(await onSubmit(body));
  };

  const choose = { value: "", label: t("common.choose"), disabled: true };
  return (
    <FormModal item onClose={onClose} title={t(`referrals.moves.titles.${move}`)}>
      <Stack gap="md">
        <ProblemAlert error={error} />
        {move === "completed" ? (
          <>
            <Radio.Group
              label={t("referrals.fields.outcome")}
              value={outcome}
              onChange={(v) => setOutcome(v as ReferralOutcome)}
              error={fields.outcome}
              withAsterisk
            >
              <Stack gap="xs" mt="xs">
                {REFERRAL_OUTCOMES.map((o) => (
                  <Radio key={o} value={o} label={t(`referrals.outcomes.${o}`)} />
                ))}
              </Stack>
            </Radio.Group>
            {outcome === "not_successful" ? (
              <NativeSelect
                label={t("referrals.moves.outcomeReason")}
                value={outcomeReason}
                onChange={(e) => setOutcomeReason(e.currentTarget.value as UnsuccessfulReason)}
                data={[
                  choose,
                  ...UNSUCCESSFUL_REASONS.map((r) => ({
                    value: r,
                    label: t(`referrals.unsuccessfulReasons.${r}`),
                  })),
                ]}
                error={fields.outcomeReason}
                withAsterisk
              />
            ) : null}
          </>
        ) : null}
        {move === "declined" ? (
          <NativeSelect
            label={t("referrals.moves.declineReason")}
            value={declineReason}
            onChange={(e) => setDeclineReason(e.currentTarget.value as DeclineReason)}
            data={[
              choose,
              ...DECLINE_REASONS.map((r) => ({ value: r, label: t(`referrals.declineReasons.${r}`) })),
            ]}
            error={fields.declineReason}
            withAsterisk
          />
        ) : null}
        <Textarea
          label={t("referrals.moves.comment")}
          description={t("referrals.moves.commentHint")}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={fields.comment}
          autosize
          minRows={2}
          maxLength={2000}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            loading={busy}
            onClick={() => void submit()}
            color={move === "completed" ? undefined : "red.9"}
          >
            {t(`referrals.moves.submit.${move}`)}
          </Button>
        </Group>
      </Stack>
    </FormModal>
  );
}
