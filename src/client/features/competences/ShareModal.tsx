import { Checkbox, Select, SimpleGrid, Stack, Text } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { notifySuccess } from "#client/components/notify.ts";
import { OrganisationSelect } from "#client/features/consents/OrganisationSelect.tsx";
import { FormActions } from "#client/forms/FormActions.tsx";
import { FormModal } from "#client/forms/FormModal.tsx";
import { FormProblem } from "#client/forms/FormProblem.tsx";
import { errorOf, useSubmit } from "#client/forms/use-submit.ts";
import { PROFILE_SECTIONS, type ProfileSection } from "#shared/competences.ts";
import type { Profile } from "#shared/contracts/competences.ts";
import { competenceRoutes } from "#shared/contracts/routes/competences.ts";
import { consentRoutes } from "#shared/contracts/routes/consents.ts";

type Props = { profile: Profile; opened: boolean; onClose: () => void; onShared: () => void };

/** Shares chosen sections with a recipient; the server checks the client's consent at this moment. */
export function ShareModal({ profile, opened, onClose, onShared }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal
      item={opened ? profile : null}
      onClose={onClose}
      title={t("competenceProfile.share.title")}
      size="lg"
    >
      <ShareForm profile={profile} onClose={onClose} onShared={onShared} />
    </FormModal>
  );
}

function ShareForm({ profile, onClose, onShared }: Omit<Props, "opened">) {
  const { t } = useTranslation();
  const [recipient, setRecipient] = useState<string | null>(null);
  const [person, setPerson] = useState<string | null>(null);
  const [sections, setSections] = useState<ProfileSection[]>([]);
  const { busy, error, run, fields } = useSubmit();
  const consents = useApiQuery(consentRoutes.list, { params: { clientId: profile.clientId } });
  const recipients = useApiQuery(competenceRoutes.shareRecipients, { params: { profileId: profile.id } });
  // A named person can only be chosen at an organisation the client consented to.
  const people = recipients.data?.items.find((r) => r.organisationId === recipient)?.people ?? [];
  // The recipients the client has agreed to: named here so that the counsellor picks one of them.
  const consented = (consents.data?.items ?? [])
    .filter((c) => c.active && c.purpose === "competence_profile_sharing" && c.recipientOrganisation)
    .map((c) => c.recipientOrganisation?.name ?? "");
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await run(() =>
      callApi(competenceRoutes.share, {
        params: { profileId: profile.id },
        body: { recipientOrganisationId: recipient ?? "", recipientUserId: person, sections },
      }),
    );
    if (ok) {
      notifySuccess(t("competenceProfile.share.done"));
      onShared();
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <FormProblem error={error} title={t("competenceProfile.share.failed")} />
      <Stack gap="md">
        <Text size="sm">
          {consented.length > 0
            ? t("competenceProfile.share.consented", { names: consented.join(", ") })
            : t("competenceProfile.share.noConsent")}
        </Text>
        <OrganisationSelect
          label={t("competenceProfile.share.recipient")}
          description={t("competenceProfile.share.recipientHint")}
          required
          value={recipient}
          onChange={(id) => {
            setRecipient(id);
            setPerson(null);
          }}
          error={errorOf(fields, "recipientOrganisationId")}
        />
        <Select
          label={t("competenceProfile.share.person")}
          description={t("competenceProfile.share.personHint")}
          placeholder={t("competenceProfile.share.personAll")}
          data={people.map((p) => ({ value: p.userId, label: p.name }))}
          value={person}
          onChange={setPerson}
          disabled={people.length === 0}
          clearable
          error={errorOf(fields, "recipientUserId")}
        />
        <Checkbox.Group
          label={t("competenceProfile.share.sections")}
          required
          value={sections}
          error={errorOf(fields, "sections")}
          onChange={(v) => setSections(v as ProfileSection[])}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
            {PROFILE_SECTIONS.map((s) => (
              <Checkbox key={s} value={s} label={t(`competenceProfile.sections.${s}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Text size="xs" c="dimmed">
          {t("competenceProfile.share.snapshotHint")}
        </Text>
        <FormActions busy={busy} onCancel={onClose} submitLabel={t("competenceProfile.share.submit")} />
      </Stack>
    </form>
  );
}
