import { Alert, Button, DataList, Group, Stepper, Text, Textarea } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { DataRow } from "#client/components/DataRow.tsx";
import { formatDay, orNull } from "#client/components/format.ts";
import { Loading } from "#client/components/Loading.tsx";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { QueryView } from "#client/components/QueryView.tsx";
import { FormModal } from "#client/forms/FormModal.tsx";
import { useSubmit } from "#client/forms/use-submit.ts";
import { hasPermission, useSession } from "#client/session/session-context.ts";
import type { FinderOfferSummary } from "#shared/contracts/finder.ts";
import type { Referral, ReferralCreate } from "#shared/contracts/referrals.ts";
import { referralRoutes } from "#shared/contracts/routes/referrals.ts";
import { checkReferral, type NoteFinding, removeFindings } from "#shared/referral-check.ts";
import type { ReferralDataItem } from "#shared/referrals.ts";
import { DataItemsStep } from "./DataItemsStep.tsx";
import { newIdempotencyKey } from "./labels.tsx";
import { OfferSearchStep } from "./OfferSearchStep.tsx";
import {
  type Acknowledgements,
  acknowledgedCodes,
  NO_ACKNOWLEDGEMENTS,
  ReferralWarnings,
} from "./ReferralWarnings.tsx";
import type { ReferralPreviewData as ReferralPreview } from "./types.ts";

const MIN_REASON = 10;

type Props = {
  caseId: string;
  /** An offer chosen before the wizard opened (a start-up offer of a competence profile). */
  initialOffer?: FinderOfferSummary | null;
  onClose: () => void;
  onSent: (referral: Referral) => void;
};

/**
 * Refers the case's client to an offer: find the offer, choose the data (what the consent covers
 * comes preselected), add a note, send. The shared referral check warns while the note is written;
 * an empty selection and personal data in the note need an explicit confirmation before sending.
 */
export function ReferralWizard({ caseId, initialOffer = null, onClose, onSent }: Props) {
  const { t } = useTranslation();
  // One key per opening of the wizard: a double click or a retry after a lost answer sends one referral.
  const [idempotencyKey] = useState(newIdempotencyKey);
  // An offer chosen beforehand skips the search: the wizard opens at the data to send.
  const [step, setStep] = useState(initialOffer ? 1 : 0);
  const [offer, setOffer] = useState<FinderOfferSummary | null>(initialOffer);
  const [items, setItems] = useState<ReferralDataItem[]>([]);
  const [overrideReason, setOverrideReason] = useState("");
  const [reasonError, setReasonError] = useState<string>();
  const [note, setNote] = useState("");
  const { busy, error, run } = useSubmit();
  const [ack, setAck] = useState<Acknowledgements>(NO_ACKNOWLEDGEMENTS);
  const [showAckErrors, setShowAckErrors] = useState(false);
  const preview = useApiQuery(
    referralRoutes.preview,
    offer ? { params: { caseId }, query: { offerId: offer.id } } : null,
  );
  // The previous offer's preview stays visible while the next one loads: only this offer's counts.
  const current = preview.data && preview.data.offer.id === offer?.id ? preview.data : undefined;
  const consent = current?.consent ?? null;
  // Without a consent only a staff counsellor may still send (with a reason); a volunteer may not.
  // The same judgement confirms personal data beyond the consent in the note.
  const mayOverride = hasPermission(useSession().session, "referral.consent_override");
  const sentItems = consent ? items : [];
  const warnings = current
    ? checkReferral({
        items: sentItems,
        note,
        subject: current.noteCheck.subject,
        covered: current.items.filter((i) => i.covered).map((i) => i.item),
        ownContacts: current.noteCheck.ownContacts,
        consentOverride: !consent,
      })
    : [];
  const acknowledged = acknowledgedCodes(warnings, ack);

  // What the consent covers is selected when the offer's preview arrives; the sender takes out the rest.
  const preselected = current?.preselected;
  useEffect(() => {
    if (preselected) setItems(preselected);
  }, [preselected]);

  const choose = (o: FinderOfferSummary) => {
    if (o.id !== offer?.id) {
      setOffer(o);
      setItems([]);
      setOverrideReason("");
      setAck(NO_ACKNOWLEDGEMENTS);
    }
  };
  const goTo = (next: number) => {
    setShowAckErrors(false);
    setStep(next);
  };
  // A confirmation to send without data holds only while nothing is selected.
  const chooseItems = (next: ReferralDataItem[]) => {
    setItems(next);
    if (next.length > 0) setAck((a) => ({ ...a, empty: false }));
  };
  const removeFromNote = (findings: NoteFinding[]) => setNote(removeFindings(note, findings));
  const toSummary = () => {
    if (!consent && overrideReason.trim().length < MIN_REASON) {
      setReasonError(t("referrals.wizard.reasonTooShort", { n: MIN_REASON }));
      return;
    }
    setReasonError(undefined);
    goTo(2);
  };
  const send = async () => {
    if (!offer || busy) return;
    if (acknowledged.length < warnings.length) {
      // Not sent: every warning needs its confirmation (or a change that makes it go away).
      setShowAckErrors(true);
      return;
    }
    const body: ReferralCreate = {
      offerId: offer.id,
      items: sentItems,
      note: orNull(note),
      consentOverrideReason: consent ? null : overrideReason.trim(),
      acknowledged,
    };
    await run(
      async () => {
        const referral = await callApi(referralRoutes.send, { params: { caseId }, body }, { idempotencyKey });
        onSent(referral);
      },
      { leaving: true },
    );
  };

  return (
    <FormModal item onClose={onClose} size="xl" title={t("referrals.wizard.title")}>
      <Stepper active={step} onStepClick={goTo} allowNextStepsSelect={false} size="sm" mb="md">
        <Stepper.Step label={t("referrals.wizard.stepOffer")}>
          <OfferSearchStep chosen={offer} onChoose={choose} />
        </Stepper.Step>
        <Stepper.Step label={t("referrals.wizard.stepData")}>
          <QueryView query={preview}>
            {(data) =>
              data.offer.id !== offer?.id ? (
                <Loading />
              ) : (
                <DataItemsStep
                  caseId={caseId}
                  preview={data}
                  items={items}
                  onItems={chooseItems}
                  overrideReason={overrideReason}
                  onOverrideReason={setOverrideReason}
                  mayOverride={mayOverride}
                  reasonError={reasonError}
                  onLeave={onClose}
                />
              )
            }
          </QueryView>
        </Stepper.Step>
        <Stepper.Step label={t("referrals.wizard.stepSend")}>
          {current ? (
            <Summary preview={current} items={sentItems} overrideReason={consent ? null : overrideReason} />
          ) : null}
          <Textarea
            mt="md"
            label={t("referrals.wizard.note")}
            description={t("referrals.wizard.noteHint")}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={3}
            maxLength={4000}
            error={error?.fieldErrors().note}
          />
          <ReferralWarnings
            warnings={warnings}
            ack={ack}
            onAck={setAck}
            mayShareBeyondConsent={mayOverride}
            showErrors={showAckErrors}
            receiver={current?.offer.organisation.name ?? ""}
            onChooseData={consent ? () => goTo(1) : undefined}
            onRemoveFromNote={removeFromNote}
          />
        </Stepper.Step>
      </Stepper>
      <ProblemAlert error={error} />
      <Group justify="space-between">
        <Button variant="default" onClick={step === 0 ? onClose : () => goTo(step - 1)}>
          {step === 0 ? t("common.cancel") : t("referrals.wizard.back")}
        </Button>
        {step === 0 ? (
          <Button disabled={!offer} onClick={() => goTo(1)}>
            {t("referrals.wizard.next")}
          </Button>
        ) : step === 1 ? (
          <Button disabled={!current || (!consent && !mayOverride)} onClick={toSummary}>
            {t("referrals.wizard.next")}
          </Button>
        ) : (
          <Button loading={busy} onClick={() => void send()}>
            {t("referrals.wizard.send")}
          </Button>
        )}
      </Group>
    </FormModal>
  );
}

/** Step 3: what will be sent, to whom, and by when the answer is due under the interface. */
function Summary({
  preview,
  items,
  overrideReason,
}: {
  preview: ReferralPreview;
  items: ReferralDataItem[];
  overrideReason: string | null;
}) {
  const { t } = useTranslation();
  const i = preview.interface;
  return (
    <>
      {i ? null : (
        <Alert color="yellow" variant="light" mb="md">
          {t("referrals.withoutInterface")}
        </Alert>
      )}
      <DataList withDivider labelWidth="200px">
        <DataRow preLine={false} label={t("referrals.fields.offer")}>
          <bdi>{preview.offer.name}</bdi>
        </DataRow>
        <DataRow preLine={false} label={t("referrals.fields.to")}>
          <bdi>{preview.offer.organisation.name}</bdi>
        </DataRow>
        <DataRow preLine={false} label={t("referrals.fields.interface")}>
          {i
            ? t("referrals.wizard.interfaceTerms", {
                answer: i.answerWithinDays,
                complete: i.completeWithinDays,
              })
            : t("referrals.wizard.networkDefaults")}
        </DataRow>
        <DataRow preLine={false} label={t("referrals.fields.answerDue")}>
          {formatDay(preview.answerDue)}
        </DataRow>
        <DataRow preLine={false} label={t("referrals.fields.completeDue")}>
          {formatDay(preview.completeDue)}
        </DataRow>
        <DataRow preLine={false} label={t("referrals.fields.sharedItems")}>
          {items.length > 0
            ? items.map((item) => t(`referrals.dataItems.${item}`)).join(", ")
            : t("referrals.wizard.noItems")}
        </DataRow>
        {overrideReason !== null ? (
          <DataRow preLine={false} label={t("referrals.fields.overrideReason")}>
            <Text size="sm" dir="auto">
              {overrideReason}
            </Text>
          </DataRow>
        ) : null}
      </DataList>
    </>
  );
}
