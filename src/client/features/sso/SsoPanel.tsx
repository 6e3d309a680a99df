import {
  Alert,
  Button,
  Code,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { notifySuccess } from "#client/components/notify.ts";
import { PasswordField } from "#client/components/PasswordField.tsx";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { QueryView } from "#client/components/QueryView.tsx";
import { errorOf, useSubmit } from "#client/forms/use-submit.ts";
import { ssoRoutes } from "#shared/contracts/routes/sso.ts";
import type { SsoProviderInput, SsoSettings } from "#shared/contracts/sso.ts";

/**
 * An organisation's login through its own OpenID Connect provider: the coordination configures,
 * checks and removes it; the organisation's admins see it.
 */
export function SsoPanel({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const settings = useApiQuery(ssoRoutes.settings, { params: { orgId: organisationId } });
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="xs">
        {t("sso.panel.title")}
      </Title>
      <Text c="dimmed" size="sm" mb="md">
        {t("sso.panel.intro")}
      </Text>
      <QueryView query={settings}>
        {(data) =>
          data.abilities.manage ? (
            <SsoForm key={data.provider?.updatedAt ?? "new"} settings={data} onSaved={settings.reload} />
          ) : (
            <SsoSummary settings={data} />
          )
        }
      </QueryView>
    </Paper>
  );
}

function SsoSummary({ settings }: { settings: SsoSettings }) {
  const { t } = useTranslation();
  const p = settings.provider;
  if (!p) return <Text size="sm">{t("sso.panel.notConfigured")}</Text>;
  const rows: [string, string][] = [
    [t("sso.fields.displayName"), p.displayName],
    [t("sso.fields.issuer"), p.issuer],
    [t("sso.fields.clientId"), p.clientId],
    [
      t("sso.fields.clientSecret"),
      p.clientSecretSet ? t("sso.panel.secretSet") : t("sso.panel.secretNotSet"),
    ],
    [t("sso.fields.emailDomains"), p.emailDomains.join(", ")],
    [t("sso.fields.required"), p.required ? t("sso.panel.yes") : t("sso.panel.no")],
  ];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" spacing="xs" m={0}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <Text component="dt" size="sm" fw={600}>
            {label}
          </Text>
          <Text component="dd" size="sm" m={0} dir="auto">
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

type Values = Omit<SsoProviderInput, "emailDomains" | "clientSecret"> & {
  clientSecret: string;
  emailDomains: string;
};

function SsoForm({ settings, onSaved }: { settings: SsoSettings; onSaved: () => void }) {
  const { t } = useTranslation();
  const p = settings.provider;
  const params = { orgId: settings.organisationId };
  const [values, setValues] = useState<Values>({
    displayName: p?.displayName ?? "",
    issuer: p?.issuer ?? "",
    clientId: p?.clientId ?? "",
    clientSecret: "",
    emailDomains: p?.emailDomains.join(", ") ?? "",
    required: p?.required ?? false,
  });
  const save = useSubmit();
  const check = useSubmit();
  const remove = useSubmit();
  const [checked, setChecked] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const set = (key: keyof Values) => (value: string | boolean) => setValues((v) => ({ ...v, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: SsoProviderInput = {
      displayName: values.displayName,
      issuer: values.issuer.trim(),
      clientId: values.clientId,
      emailDomains: values.emailDomains
        .split(/[\s,;]+/)
        .map((d) => d.trim())
        .filter(Boolean),
      required: values.required,
      ...(values.clientSecret ? { clientSecret: values.clientSecret } : {}),
    };
    if (await save.run(() => callApi(ssoRoutes.save, { params, body }))) {
      notifySuccess(t("sso.panel.saved"));
      onSaved();
    }
  };
  const runCheck = async () => {
    setChecked(null);
    await check.run(async () => {
      const r = await callApi(ssoRoutes.check, { params });
      setChecked(t("sso.panel.checkOk", { issuer: r.issuer, keys: r.signingKeys }));
    });
  };
  const runRemove = async () => {
    if (await remove.run(() => callApi(ssoRoutes.remove, { params }))) {
      notifySuccess(t("sso.panel.removed"));
      onSaved();
    }
  };
  const fields = save.fields;

  return (
    <Stack>
      <div>
        <Text size="sm" fw={600}>
          {t("sso.panel.redirectUri")}
        </Text>
        <Code block dir="ltr">
          {settings.redirectUri}
        </Code>
      </div>
      {!p ? <Text size="sm">{t("sso.panel.notConfigured")}</Text> : null}
      <form onSubmit={submit} noValidate>
        <ProblemAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("sso.fields.displayName")}
            description={t("sso.hints.displayName")}
            required
            value={values.displayName}
            error={errorOf(fields, "displayName")}
            onChange={(e) => set("displayName")(e.currentTarget.value)}
          />
          <TextInput
            label={t("sso.fields.issuer")}
            description={t("sso.hints.issuer")}
            required
            type="url"
            dir="ltr"
            value={values.issuer}
            error={errorOf(fields, "issuer")}
            onChange={(e) => set("issuer")(e.currentTarget.value)}
          />
          <TextInput
            label={t("sso.fields.clientId")}
            required
            dir="ltr"
            autoComplete="off"
            value={values.clientId}
            error={errorOf(fields, "clientId")}
            onChange={(e) => set("clientId")(e.currentTarget.value)}
          />
          <PasswordField
            label={t("sso.fields.clientSecret")}
            description={p?.clientSecretSet ? t("sso.hints.clientSecretSet") : t("sso.hints.clientSecret")}
            required={!p?.clientSecretSet}
            autoComplete="new-password"
            value={values.clientSecret}
            error={errorOf(fields, "clientSecret")}
            onChange={(e) => set("clientSecret")(e.currentTarget.value)}
          />
          <TextInput
            label={t("sso.fields.emailDomains")}
            description={t("sso.hints.emailDomains")}
            required
            dir="ltr"
            value={values.emailDomains}
            error={errorOf(fields, "emailDomains")}
            onChange={(e) => set("emailDomains")(e.currentTarget.value)}
          />
          <Switch
            mt="md"
            label={t("sso.fields.required")}
            description={t("sso.hints.required")}
            checked={values.required}
            onChange={(e) => set("required")(e.currentTarget.checked)}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="md">
          <Button type="submit" loading={save.busy}>
            {t("sso.panel.save")}
          </Button>
        </Group>
      </form>
      {p ? (
        <Stack gap="xs">
          <ProblemAlert error={check.error ?? remove.error} />
          {checked ? (
            <Alert color="green" variant="light" role="status">
              {checked}
            </Alert>
          ) : null}
          <Group>
            <Button variant="light" onClick={runCheck} loading={check.busy}>
              {t("sso.panel.check")}
            </Button>
            {confirmRemove ? (
              <>
                <Text size="sm">{t("sso.panel.removeConfirm")}</Text>
                <Button color="red" onClick={runRemove} loading={remove.busy}>
                  {t("sso.panel.removeYes")}
                </Button>
                <Button variant="default" onClick={() => setConfirmRemove(false)}>
                  {t("common.cancel")}
                </Button>
              </>
            ) : (
              <Button variant="subtle" color="red" onClick={() => setConfirmRemove(true)}>
                {t("sso.panel.remove")}
              </Button>
            )}
          </Group>
        </Stack>
      ) : null}
    </Stack>
  );
}
