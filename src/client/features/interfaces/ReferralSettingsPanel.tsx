import { Button, Group, Paper, SimpleGrid, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { notifySuccess } from "#client/components/notify.ts";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { QueryView } from "#client/components/QueryView.tsx";
import { errorOf, useSubmit } from "#client/forms/use-submit.ts";
import type { ReferralSettings } from "#shared/contracts/interfaces.ts";
import { interfaceRoutes } from "#shared/contracts/routes/interfaces.ts";
import { dayCount } from "./labels.ts";

const KEYS = ["answerWithinDays", "completeWithinDays", "expireAfterDays", "dueSoonDays"] as const;
type Key = (typeof KEYS)[number];

/**
 * The network's default times, used for referrals between organisations without a registered
 * interface; read by everyone, changed by the coordination.
 */
export function ReferralSettingsPanel({ manages }: { manages: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const settings = useApiQuery(interfaceRoutes.referralSettings);
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="xs">
        {t("interfaces.settings.title")}
      </Title>
      <Text c="dimmed" size="sm" mb="md">
        {t("interfaces.settings.intro")}
      </Text>
      <QueryView query={settings}>
        {(data) =>
          manages ? (
            <SettingsForm key={JSON.stringify(data)} settings={data} onSaved={settings.reload} />
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" spacing="xs" m={0}>
              {KEYS.map((k) => (
                <div key={k}>
                  <Text component="dt" size="sm" fw={600}>
                    {t(`interfaces.settings.fields.${k}`)}
                  </Text>
                  <Text component="dd" size="sm" m={0}>
                    {t("interfaces.settings.days", { n: data[k] })}
                    <Text component="span" display="block" size="xs" c="dimmed">
                      {t(`interfaces.settings.hints.${k}`)}
                    </Text>
                  </Text>
                </div>
              ))}
            </SimpleGrid>
          )
        }
      </QueryView>
    </Paper>
  );
}

function SettingsForm({ settings, onSaved }: { settings: ReferralSettings; onSaved: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<Key, string>>(
    () => Object.fromEntries(KEYS.map((k) => [k, String(settings[k])])) as Record<Key, string>,
  );
  const { error, busy, run, fields } = useSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = Object.fromEntries(KEYS.map((k) => [k, dayCount(values[k])])) as ReferralSettings;
    if (await run(() => callApi(interfaceRoutes.updateReferralSettings, { body }))) {
      notifySuccess(t("interfaces.settings.saved"));
      onSaved();
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <ProblemAlert error={error} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {KEYS.map((k) => (
          <TextInput
            key={k}
            label={t(`interfaces.settings.fields.${k}`)}
            description={t(`interfaces.settings.hints.${k}`)}
            required
            inputMode="numeric"
            dir="ltr"
            value={values[k]}
            error={errorOf(fields, k)}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setValues((v) => ({ ...v, [k]: value }));
            }}
          />
        ))}
      </SimpleGrid>
      <Group justify="flex-end" mt="md">
        <Button type="submit" loading={busy}>
          {t("interfaces.settings.save")}
        </Button>
      </Group>
    </form>
  );
}
