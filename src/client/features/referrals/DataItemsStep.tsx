import { Alert, Anchor, Checkbox, Stack, Text, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "#client/components/format.ts";
import { DATA_ITEM_CATEGORY, type ReferralDataItem } from "#shared/referrals.ts";
import type { ReferralPreviewData as ReferralPreview } from "./types.ts";

// Mantine's light alerts colour the title in shade 6, below 4.5:1 on their background; these keep it.
const TITLE_COLOURS = { green: "#1b5e20", yellow: "#5c3c00" };

type Props = {
  caseId: string;
  preview: ReferralPreview;
  items: ReferralDataItem[];
  onItems: (items: ReferralDataItem[]) => void;
  overrideReason: string;
  onOverrideReason: (reason: string) => void;
  reasonError: string | undefined;
  /** Whether the actor may send without a consent (staff counsellors, with a reason). */
  mayOverride: boolean;
  /** Leaves the wizard for the consents tab. */
  onLeave: () => void;
};

/**
 * Step 2: what travels with the referral. Only items the client's referral consent to the
 * receiving organisation covers can be chosen; without a consent the referral can still go, but
 * only with a stated reason, which the server records.
 */
export function DataItemsStep(props: Props) {
  const { t } = useTranslation();
  const { preview, items, onItems } = props;
  const receiver = preview.offer.organisation.name;
  return (
    <Stack gap="md">
      {preview.consent ? (
        <Alert
          color="green"
          variant="light"
          title={t("referrals.wizard.consentTitle")}
          styles={{ title: { color: TITLE_COLOURS.green } }}
        >
          {t("referrals.wizard.consentGiven", {
            at: formatDateTime(preview.consent.givenAt),
            organisation: receiver,
          })}
        </Alert>
      ) : (
        <NoConsent {...props} receiver={receiver} />
      )}
      <Checkbox.Group
        label={t("referrals.wizard.itemsLabel")}
        description={t("referrals.wizard.itemsHint")}
        value={items}
        onChange={(v) => onItems(v as ReferralDataItem[])}
      >
        <Stack gap="xs" mt="xs">
          {preview.items.map(({ item, covered }) => (
            <Checkbox
              key={item}
              value={item}
              disabled={!covered}
              label={t(`referrals.dataItems.${item}`)}
              description={
                covered
                  ? t(`consents.dataCategories.${DATA_ITEM_CATEGORY[item]}`)
                  : t("referrals.wizard.notCovered", {
                      category: t(`consents.dataCategories.${DATA_ITEM_CATEGORY[item]}`),
                    })
              }
            />
          ))}
        </Stack>
      </Checkbox.Group>
    </Stack>
  );
}

function NoConsent({
  caseId,
  receiver,
  overrideReason,
  onOverrideReason,
  reasonError,
  mayOverride,
  onLeave,
}: Props & { receiver: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert
        color="yellow"
        variant="light"
        title={t("referrals.wizard.noConsentTitle")}
        styles={{ title: { color: TITLE_COLOURS.yellow } }}
      >
        <Text size="sm" mb="xs">
          {t("referrals.wizard.noConsent", { organisation: receiver })}
        </Text>
        <Anchor component={Link} to={`/cases/${caseId}?tab=consents`} onClick={onLeave} size="sm">
          {t("referrals.wizard.toConsents")}
        </Anchor>
      </Alert>
      {mayOverride ? (
        <OverrideReason value={overrideReason} onChange={onOverrideReason} error={reasonError} />
      ) : (
        <Text size="sm">{t("referrals.wizard.overrideCounsellorsOnly")}</Text>
      )}
    </>
  );
}

/** The stated reason to send without a consent: a data-protection judgement, recorded in the audit log. */
function OverrideReason(props: { value: string; onChange: (v: string) => void; error: string | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm">{t("referrals.wizard.overrideJudgement")}</Text>
      <Textarea
        label={t("referrals.wizard.overrideReason")}
        description={t("referrals.wizard.overrideHint")}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        error={props.error}
        autosize
        minRows={2}
        maxLength={1000}
      />
    </>
  );
}
