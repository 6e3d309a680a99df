import { Button, Group, List, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { callApi } from "#client/api/client.ts";
import { notifySuccess } from "#client/components/notify.ts";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import type { CasePanelProps } from "#client/features/cases/panel.ts";
import { FormModal } from "#client/forms/FormModal.tsx";
import { useSubmit } from "#client/forms/use-submit.ts";
import { pathOf } from "#shared/contracts/route.ts";
import { privacyRoutes } from "#shared/contracts/routes/privacy.ts";

/** The person's rights under the DSGVO: access to all their data (Art. 15) and erasure (Art. 17). */
export function PrivacyPanel({ caseRecord }: CasePanelProps) {
  const { t } = useTranslation();
  const { exportClient, eraseClient } = caseRecord.abilities;
  const client = caseRecord.client;
  return (
    <Stack>
      {exportClient ? (
        <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="privacy-export-heading">
          <Title order={2} size="h3" id="privacy-export-heading" mb="sm">
            {t("privacy.export.title")}
          </Title>
          <Text size="sm" mb="md" maw="60rem">
            {t("privacy.export.intro")}
          </Text>
          <Group gap="xs">
            <Button
              component="a"
              href={pathOf(privacyRoutes.export, { params: { clientId: client.id } })}
              download
            >
              {t("privacy.export.json")}
            </Button>
            <Button
              component="a"
              variant="default"
              href={pathOf(privacyRoutes.exportPdf, { params: { clientId: client.id } })}
              download
            >
              {t("privacy.export.pdf")}
            </Button>
          </Group>
        </Paper>
      ) : null}
      {eraseClient ? <EraseSection clientId={client.id} pseudonym={client.pseudonym} /> : null}
      {!exportClient && !eraseClient ? (
        <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="privacy-heading">
          <Title order={2} size="h3" id="privacy-heading" mb="sm">
            {t("privacy.title")}
          </Title>
          <Text>{t("privacy.notAllowed")}</Text>
        </Paper>
      ) : null}
    </Stack>
  );
}

/** The danger zone: erasing the person with everything recorded about them. */
function EraseSection({ clientId, pseudonym }: { clientId: string; pseudonym: string }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      component="section"
      aria-labelledby="privacy-erase-heading"
      style={{ borderColor: "var(--mantine-color-red-7)" }}
    >
      <Title order={2} size="h3" id="privacy-erase-heading" mb="sm">
        {t("privacy.erase.title")}
      </Title>
      <Text size="sm" mb="xs" maw="60rem">
        {t("privacy.erase.intro")}
      </Text>
      <List size="sm" mb="md" maw="60rem">
        <List.Item>{t("privacy.erase.what.records")}</List.Item>
        <List.Item>{t("privacy.erase.what.derived")}</List.Item>
        <List.Item>{t("privacy.erase.what.audit")}</List.Item>
        <List.Item>{t("privacy.erase.what.irreversible")}</List.Item>
      </List>
      <Button color="red.9" onClick={() => setConfirming(true)}>
        {t("privacy.erase.button")}
      </Button>
      <FormModal
        item={confirming || null}
        onClose={() => setConfirming(false)}
        title={t("privacy.erase.confirmTitle")}
      >
        <EraseConfirm clientId={clientId} pseudonym={pseudonym} onCancel={() => setConfirming(false)} />
      </FormModal>
    </Paper>
  );
}

function EraseConfirm({
  clientId,
  pseudonym,
  onCancel,
}: {
  clientId: string;
  pseudonym: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [typed, setTyped] = useState("");
  const { error, busy, run } = useSubmit();
  // Typing the pseudonym makes an erasure a decision, not a slip of the mouse.
  const matches = typed.trim() === pseudonym;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!matches) return;
    await run(
      async () => {
        await callApi(privacyRoutes.erase, { params: { clientId } });
        notifySuccess(t("privacy.erase.done", { pseudonym }));
        navigate("/cases");
      },
      { leaving: true },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <ProblemAlert error={error} />
      <Stack>
        <Text>{t("privacy.erase.confirmText")}</Text>
        <TextInput
          label={
            <>
              {t("privacy.erase.typePseudonym")} <Pseudonym value={pseudonym} />
            </>
          }
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
          dir="ltr"
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" color="red.9" disabled={!matches} loading={busy}>
            {t("privacy.erase.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A pseudonym inside running text: left to right and never broken at its hyphen, also in Arabic. */
function Pseudonym({ value }: { value: string }) {
  return (
    <bdi dir="ltr" style={{ whiteSpace: "nowrap" }}>
      {value}
    </bdi>
  );
}
