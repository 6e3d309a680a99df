import { Button, Group, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { notifySuccess } from "#client/components/notify.ts";
import { Panel } from "#client/components/Panel.tsx";
import { ItemsView } from "#client/components/QueryView.tsx";
import type { CasePanelProps } from "#client/features/cases/panel.ts";
import { useAction } from "#client/forms/actions.ts";
import { ConfirmModal } from "#client/forms/ConfirmModal.tsx";
import type { Consent } from "#shared/contracts/consents.ts";
import { consentRoutes } from "#shared/contracts/routes/consents.ts";
import { ConsentFormModal } from "./ConsentForm.tsx";
import { ConsentSheetModal } from "./ConsentSheetModal.tsx";
import { ConsentTable } from "./ConsentTable.tsx";
import { DocumentUploadModal } from "./DocumentUploadModal.tsx";

/** The consent register of the case's client: give, withdraw, attach the signed sheet, print the sheet. */
export function ConsentsPanel({ caseRecord, reload }: CasePanelProps) {
  const { t } = useTranslation();
  const client = caseRecord.client;
  const manages = caseRecord.abilities.manageConsents;
  const list = useApiQuery(consentRoutes.list, { params: { clientId: client.id } });
  const [recording, setRecording] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [uploading, setUploading] = useState<Consent | null>(null);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const { busy, act } = useAction();

  // Withdrawal is as easy as giving: one confirmation, and it holds at once.
  const withdraw = (consent: Consent) =>
    act(
      async () => {
        await callApi(consentRoutes.withdraw, { params: { consentId: consent.id } });
        notifySuccess(t("consents.withdraw.done", { purpose: t(`consents.purposes.${consent.purpose}`) }));
        list.reload();
        reload();
      },
      () => setWithdrawing(null),
    );

  return (
    <Panel
      headingId="consents-heading"
      title={t("consents.title")}
      action={
        <Group gap="xs">
          <Button variant="default" onClick={() => setPrinting(true)}>
            {t("consents.sheet.button")}
          </Button>
          {manages ? <Button onClick={() => setRecording(true)}>{t("consents.record")}</Button> : null}
        </Group>
      }
    >
      <Text size="sm" mb="md" maw="60rem">
        {t("consents.intro")}
      </Text>
      <ItemsView query={list} empty={<Text py="md">{t("consents.empty")}</Text>}>
        {(data) => (
          <ConsentTable
            items={data.items}
            busy={list.loading}
            onWithdraw={setWithdrawing}
            onUpload={setUploading}
          />
        )}
      </ItemsView>

      <ConsentFormModal
        clientId={client.id}
        defaultLanguage={client.preferredLanguages[0] ?? "de"}
        opened={recording}
        onClose={() => setRecording(false)}
        onSaved={() => {
          notifySuccess(t("consents.form.saved"));
          setRecording(false);
          list.reload();
          reload();
        }}
      />
      <ConsentSheetModal
        clientId={client.id}
        preferredLanguages={client.preferredLanguages}
        opened={printing}
        onClose={() => setPrinting(false)}
      />
      <DocumentUploadModal
        consent={uploading}
        onClose={() => setUploading(null)}
        onUploaded={() => {
          notifySuccess(t("consents.upload.done"));
          setUploading(null);
          list.reload();
        }}
      />
      <ConfirmModal
        item={withdrawing}
        onClose={() => setWithdrawing(null)}
        title={t("consents.withdraw.title")}
        message={(c) =>
          t("consents.withdraw.confirm", {
            purpose: t(`consents.purposes.${c.purpose}`),
            recipient: c.recipientOrganisation?.name ?? "",
            context: c.recipientOrganisation ? "recipient" : undefined,
          })
        }
        confirmLabel={t("consents.withdraw.submit")}
        color="red.9"
        busy={busy}
        onConfirm={(c) => void withdraw(c)}
      />
    </Panel>
  );
}
