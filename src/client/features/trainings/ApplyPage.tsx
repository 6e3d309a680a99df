import {
  Alert,
  Button,
  Checkbox,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { formatDay } from "#client/components/format.ts";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { EmailField } from "#client/forms/EmailField.tsx";
import { useForm } from "#client/forms/use-form.ts";
import { errorOf } from "#client/forms/use-submit.ts";
import { trainingRoutes } from "#shared/contracts/routes/trainings.ts";
import { LOCALES, type Locale, ORGANISATION_TYPES } from "#shared/domain.ts";
import { PARTICIPANT_ROLES } from "#shared/trainings.ts";

/** The public application form: no account, a cohort open for applications, a confirmation mail. */
export function ApplyPage() {
  const { t, i18n } = useTranslation();
  const { cohortId: fixed } = useParams();
  const open = useApiQuery(trainingRoutes.openCohorts);
  const [sent, setSent] = useState(false);
  const { values, set, bind, error, busy, fields, onSubmit } = useForm(() => ({
    cohortId: fixed ?? "",
    name: "",
    email: "",
    organisationName: "",
    organisationType: "",
    role: "",
    motivation: "",
    consent: false,
  }));
  const a = (k: string) => t(`trainings.core.apply.${k}`);
  const cohorts = open.data?.items ?? [];
  const chosen = cohorts.find((c) => c.id === (values.cohortId || cohorts[0]?.id));
  const locale: Locale = (LOCALES as readonly string[]).includes(i18n.language)
    ? (i18n.language as Locale)
    : "de";
  const send = async () => {
    await callApi(trainingRoutes.apply, {
      params: { cohortId: chosen?.id ?? values.cohortId },
      body: {
        name: values.name,
        email: values.email,
        organisationName: values.organisationName,
        organisationType: values.organisationType as (typeof ORGANISATION_TYPES)[number],
        role: values.role as (typeof PARTICIPANT_ROLES)[number],
        ...(values.motivation.trim() ? { motivation: values.motivation } : {}),
        locale,
        consent: values.consent as true,
      },
    });
    setSent(true);
  };
  const choose = [{ value: "", label: t("common.choose") }];

  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={1} size="h2" mb="sm">
        {a("title")}
      </Title>
      {sent ? (
        <Alert color="green" variant="light" role="status">
          <Text fw={700} mb={4}>
            {a("sentTitle")}
          </Text>
          <Text size="sm">{a("sentText")}</Text>
        </Alert>
      ) : (
        <>
          <Text size="sm" mb="md">
            {a("intro")}
          </Text>
          <ProblemAlert error={open.error} />
          {open.data && cohorts.length === 0 ? <Text>{a("noOpen")}</Text> : null}
          {cohorts.length > 0 ? (
            <form onSubmit={onSubmit(send)} noValidate>
              <ProblemAlert error={error} />
              <Stack>
                <NativeSelect
                  label={a("cohort")}
                  required
                  data={cohorts.map((c) => ({
                    value: c.id,
                    label: `${c.title} (${formatDay(c.startsOn)} – ${formatDay(c.endsOn)})`,
                  }))}
                  value={chosen?.id ?? ""}
                  onChange={(e) => set("cohortId", e.currentTarget.value)}
                />
                {chosen ? (
                  <Text size="sm" dir="auto">
                    {chosen.programmeTitle}
                    {chosen.online
                      ? ` · ${t("trainings.core.cohorts.online")}`
                      : chosen.location
                        ? ` · ${chosen.location}`
                        : ""}
                  </Text>
                ) : null}
                {chosen?.full ? (
                  <Alert color="yellow" variant="light">
                    {a("full")}
                  </Alert>
                ) : null}
                <TextInput label={a("name")} required autoComplete="name" {...bind("name")} />
                <EmailField
                  label={a("email")}
                  required
                  autoComplete="email"
                  value={values.email}
                  onChange={(v) => set("email", v)}
                  error={errorOf(fields, "email")}
                />
                <TextInput
                  label={a("organisationName")}
                  required
                  autoComplete="organization"
                  {...bind("organisationName")}
                />
                <NativeSelect
                  label={a("organisationType")}
                  required
                  data={[
                    ...choose,
                    ...ORGANISATION_TYPES.filter((o) => o !== "network_coordination").map((o) => ({
                      value: o,
                      label: t(`organisationTypes.${o}`),
                    })),
                  ]}
                  {...bind("organisationType")}
                />
                <NativeSelect
                  label={a("role")}
                  required
                  data={[
                    ...choose,
                    ...PARTICIPANT_ROLES.map((r) => ({ value: r, label: t(`trainings.core.roles.${r}`) })),
                  ]}
                  {...bind("role")}
                />
                <Textarea label={a("motivation")} autosize minRows={3} {...bind("motivation")} />
                <Checkbox
                  label={a("consent")}
                  checked={values.consent}
                  onChange={(e) => set("consent", e.currentTarget.checked)}
                  error={errorOf(fields, "consent")}
                />
                <Button type="submit" loading={busy} fullWidth>
                  {a("submit")}
                </Button>
              </Stack>
            </form>
          ) : null}
        </>
      )}
    </Paper>
  );
}
