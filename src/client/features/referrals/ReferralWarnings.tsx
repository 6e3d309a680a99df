import { Alert, Button, Checkbox, Group, List, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
  mayAcknowledge,
  type NoteFinding,
  type ReferralWarning,
  type ReferralWarningCode,
} from "#shared/referral-check.ts";

// Mantine's light alerts colour the title in shade 6, below 4.5:1 on their background; this keeps it.
const TITLE_COLOUR = "#5c3c00";

/** Which warnings the sender has confirmed; a note confirmation holds only for the findings it was given for. */
export type Acknowledgements = { empty: boolean; note: string | null };
export const NO_ACKNOWLEDGEMENTS: Acknowledgements = { empty: false, note: null };

/** What the findings were when the sender confirmed them: new data in the note needs a new confirmation. */
export const findingsSignature = (findings: readonly NoteFinding[]) =>
  findings.map((f) => `${f.kind}:${f.scope}:${f.text}`).join("|");

/** The warning codes the sender has confirmed as they stand now. */
export function acknowledgedCodes(warnings: ReferralWarning[], ack: Acknowledgements): ReferralWarningCode[] {
  return warnings
    .filter((w) => (w.code === "empty_selection" ? ack.empty : ack.note === findingsSignature(w.findings)))
    .map((w) => w.code);
}

type Props = {
  warnings: ReferralWarning[];
  ack: Acknowledgements;
  onAck: (ack: Acknowledgements) => void;
  /** Whether the sender may confirm data beyond the consent (staff counsellors). */
  mayShareBeyondConsent: boolean;
  /** Show "please confirm" on every open warning: the sender tried to send. */
  showErrors: boolean;
  receiver: string;
  /** Back to the data step; absent when there is nothing to choose (no consent). */
  onChooseData?: (() => void) | undefined;
  onRemoveFromNote: (findings: NoteFinding[]) => void;
};

/**
 * The warnings of the shared referral check (src/shared/referral-check.ts), shown while the sender
 * writes: an empty selection, and personal data in the note that the selection does not cover.
 * Each needs an explicit confirmation, which travels as `acknowledged` and is recorded; data outside
 * the consent can only be removed by someone who may not share beyond it (volunteers).
 */
export function ReferralWarnings(props: Props) {
  const { warnings } = props;
  return (
    <Stack gap="sm" mt="md" aria-live="polite">
      {warnings.map((w) =>
        w.code === "empty_selection" ? (
          <EmptySelection key={w.code} {...props} />
        ) : (
          <NoteData key={w.code} warning={w} {...props} />
        ),
      )}
    </Stack>
  );
}

function EmptySelection({ ack, onAck, showErrors, receiver, onChooseData }: Props) {
  const { t } = useTranslation();
  return (
    <Alert
      color="yellow"
      variant="light"
      title={t("referrals.warnings.emptyTitle")}
      styles={{ title: { color: TITLE_COLOUR } }}
    >
      <Text size="sm" mb="xs">
        {t("referrals.warnings.empty", { organisation: receiver })}
      </Text>
      <Group gap="md" align="center">
        <Checkbox
          label={t("referrals.warnings.emptyConfirm")}
          checked={ack.empty}
          onChange={(e) => onAck({ ...ack, empty: e.currentTarget.checked })}
          error={showErrors && !ack.empty ? t("referrals.warnings.confirmRequired") : undefined}
        />
        {onChooseData ? (
          <Button variant="default" size="xs" onClick={onChooseData}>
            {t("referrals.warnings.chooseData")}
          </Button>
        ) : null}
      </Group>
    </Alert>
  );
}

function NoteData({
  warning,
  ack,
  onAck,
  showErrors,
  mayShareBeyondConsent,
  onRemoveFromNote,
}: Props & { warning: Extract<ReferralWarning, { code: "note_personal_data" }> }) {
  const { t } = useTranslation();
  const signature = findingsSignature(warning.findings);
  const confirmed = ack.note === signature;
  const allowed = mayAcknowledge(warning, mayShareBeyondConsent);
  return (
    <Alert
      color="yellow"
      variant="light"
      title={t("referrals.warnings.noteTitle")}
      styles={{ title: { color: TITLE_COLOUR } }}
    >
      <Text size="sm">{t("referrals.warnings.note")}</Text>
      <List size="sm" my="xs" withPadding>
        {warning.findings.map((f) => (
          <List.Item key={`${f.start}-${f.end}`}>
            {t("referrals.warnings.finding", {
              kind: t(`referrals.warnings.kinds.${f.kind}`),
              scope: t(`referrals.warnings.scopes.${f.scope}`),
            })}{" "}
            {/* Names take their own direction; numbers, addresses and mail addresses read left to right. */}
            <Text
              span
              fw={700}
              size="inherit"
              dir={f.kind === "name" ? "auto" : "ltr"}
              style={{ unicodeBidi: "isolate" }}
            >
              {f.text}
            </Text>
          </List.Item>
        ))}
      </List>
      <Stack gap="xs" align="flex-start">
        <Button variant="default" size="xs" onClick={() => onRemoveFromNote(warning.findings)}>
          {t("referrals.warnings.remove")}
        </Button>
        {allowed ? (
          <>
            {warning.outsideConsent ? (
              <Text size="sm">{t("referrals.warnings.outsideJudgement")}</Text>
            ) : null}
            <Checkbox
              label={t("referrals.warnings.noteConfirm")}
              checked={confirmed}
              onChange={(e) => onAck({ ...ack, note: e.currentTarget.checked ? signature : null })}
              error={showErrors && !confirmed ? t("referrals.warnings.confirmRequired") : undefined}
            />
          </>
        ) : (
          <Text size="sm" fw={600}>
            {t("referrals.warnings.volunteerRemove")}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
