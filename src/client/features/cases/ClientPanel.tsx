import { Anchor, Button, DataList, Group, Stack, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { DataRow } from "#client/components/DataRow.tsx";
import { formatDateTime, formatDay } from "#client/components/format.ts";
import { notifySuccess } from "#client/components/notify.ts";
import { QueryView } from "#client/components/QueryView.tsx";
import { DiscardedInput, type UnsavedItem } from "#client/components/StaleVersionAlert.tsx";
import { languageName } from "#client/features/offers/labels.ts";
import { districtName } from "#client/features/organisations/OrganisationProfile.tsx";
import { FormActions } from "#client/forms/FormActions.tsx";
import { FormProblem } from "#client/forms/FormProblem.tsx";
import { useSubmit } from "#client/forms/use-submit.ts";
import type { Client } from "#shared/contracts/clients.ts";
import { clientRoutes } from "#shared/contracts/routes/clients.ts";
import { ClientForm } from "./ClientForm.tsx";
import { clientBody, clientValues, unsavedClientInput } from "./client-values.ts";
import { countryName } from "./labels.ts";
import type { CasePanelProps } from "./panel.ts";

/** The person the case is about: their record, and for counsellors the means to correct it. */
export function ClientPanel({ caseRecord, reload }: CasePanelProps) {
  const { t } = useTranslation();
  const client = useApiQuery(clientRoutes.get, { params: { clientId: caseRecord.client.id } });
  const [editing, setEditing] = useState(false);
  const [discarded, setDiscarded] = useState<UnsavedItem[]>([]);
  return (
    <QueryView query={client}>
      {(c) => (
        <section aria-labelledby="client-heading">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4" id="client-heading">
              {t("clients.title")}
            </Title>
            {c.abilities.update && !editing ? (
              <Button variant="light" onClick={() => setEditing(true)}>
                {t("clients.edit")}
              </Button>
            ) : null}
          </Group>
          <DiscardedInput items={discarded} onDismiss={() => setDiscarded([])} />
          {editing ? (
            // Keyed by the version: after a reload the form starts from the current record.
            <ClientEditForm
              key={c.version}
              client={c}
              onCancel={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                setDiscarded([]);
                client.reload();
                reload();
              }}
              onReload={(unsaved) => {
                setDiscarded(unsaved);
                client.reload();
              }}
            />
          ) : (
            <ClientView client={c} />
          )}
        </section>
      )}
    </QueryView>
  );
}

function ClientView({ client: c }: { client: Client }) {
  const { t } = useTranslation();
  const s = c.special;
  return (
    <Stack gap="lg">
      <DataList withDivider labelWidth="240px">
        <DataRow label={t("clients.fields.name")}>
          <bdi>{c.name}</bdi>
          {c.isPseudonym ? ` (${t("clients.pseudonymName")})` : ""}
        </DataRow>
        <DataRow label={t("clients.fields.pseudonymCode")}>
          <span dir="ltr">{c.pseudonym}</span>
        </DataRow>
        <DataRow label={t("clients.fields.dateOfBirth")}>{formatDay(c.dateOfBirth)}</DataRow>
        <DataRow label={t("clients.fields.ageBand")}>
          {c.ageBand ? t(`clients.ageBands.${c.ageBand}`) : "–"}
        </DataRow>
        <DataRow label={t("clients.fields.gender")}>
          {c.gender ? t(`clients.genders.${c.gender}`) : "–"}
        </DataRow>
        <DataRow label={t("clients.fields.email")}>
          {c.email ? (
            <Anchor href={`mailto:${c.email}`} dir="ltr">
              {c.email}
            </Anchor>
          ) : (
            "–"
          )}
        </DataRow>
        <DataRow label={t("clients.fields.phone")}>
          {c.phone ? <span dir="ltr">{c.phone}</span> : "–"}
        </DataRow>
        <DataRow label={t("clients.fields.districtAgs")}>{districtName(c.districtAgs)}</DataRow>
        <DataRow label={t("clients.fields.preferredLanguages")}>
          {c.preferredLanguages.map(languageName).join(", ") || "–"}
        </DataRow>
        <DataRow label={t("clients.fields.countryOfOrigin")}>{countryName(c.countryOfOrigin)}</DataRow>
        <DataRow label={t("clients.fields.entryYear")}>{c.entryYear ?? "–"}</DataRow>
        <DataRow label={t("clients.fields.qualificationCountry")}>
          {countryName(c.qualificationCountry)}
        </DataRow>
        <DataRow label={t("clients.fields.updatedAt")}>{formatDateTime(c.updatedAt)}</DataRow>
      </DataList>
      {c.abilities.readSpecial && s ? (
        <section
          aria-labelledby="client-special-heading"
          style={{ borderInlineStart: "4px solid var(--mantine-color-red-9)", paddingInlineStart: 12 }}
        >
          <Title order={3} size="h5" id="client-special-heading" mb="xs">
            {t("clients.sections.special")}
          </Title>
          <DataList withDivider labelWidth="240px">
            <DataRow label={t("clients.fields.residenceStatus")}>
              {s.residenceStatus ? t(`clients.residenceStatuses.${s.residenceStatus}`) : "–"}
            </DataRow>
            <DataRow label={t("clients.fields.healthNote")}>
              {s.healthNote ? <div dir="auto">{s.healthNote}</div> : "–"}
            </DataRow>
            <DataRow label={t("clients.fields.religion")}>
              {s.religion ? <bdi>{s.religion}</bdi> : "–"}
            </DataRow>
            <DataRow label={t("clients.fields.ethnicOrigin")}>
              {s.ethnicOrigin ? <bdi>{s.ethnicOrigin}</bdi> : "–"}
            </DataRow>
            <DataRow label={t("clients.fields.specialPurpose")}>
              {s.purpose ? <div dir="auto">{s.purpose}</div> : "–"}
            </DataRow>
            <DataRow label={t("clients.fields.specialLegalBasis")}>
              {s.legalBasis ? t(`specialData.legalBases.${s.legalBasis}`) : "–"}
            </DataRow>
          </DataList>
        </section>
      ) : null}
    </Stack>
  );
}

type FormProps = {
  client: Client;
  onSaved: () => void;
  onCancel: () => void;
  onReload: (unsaved: UnsavedItem[]) => void;
};

function ClientEditForm({ client, onSaved, onCancel, onReload }: FormProps) {
  const { t } = useTranslation();
  const [before] = useState(() => clientValues(client));
  const [values, setValues] = useState(before);
  const { error, busy, run } = useSubmit();
  const special = client.abilities.readSpecial;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      await callApi(
        clientRoutes.update,
        { params: { clientId: client.id }, body: clientBody(values, special) },
        { ifMatch: client.version },
      );
      notifySuccess(t("clients.saved"));
      onSaved();
    });
  };
  const unsaved = () => unsavedClientInput(t, before, values);

  return (
    <form onSubmit={submit} noValidate aria-label={t("clients.edit")}>
      <FormProblem error={error} unsaved={unsaved} onReload={onReload} />
      <Stack gap="lg">
        <ClientForm
          value={values}
          onChange={setValues}
          errors={error?.fieldErrors() ?? {}}
          showSpecial={special}
        />
        <FormActions busy={busy} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
