import { Alert, Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { z } from "zod";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { Loading } from "#client/components/Loading.tsx";
import { PasswordField } from "#client/components/PasswordField.tsx";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { useSubmit } from "#client/forms/use-submit.ts";
import { useSession } from "#client/session/session-context.ts";
import type { InvitationInfo } from "#shared/contracts/auth.ts";
import { pathOf } from "#shared/contracts/route.ts";
import { authRoutes } from "#shared/contracts/routes/auth.ts";
import { ssoRoutes } from "#shared/contracts/routes/sso.ts";
import { AuthCard } from "./AuthCard.tsx";

type Info = z.infer<typeof InvitationInfo>;
const MIN_LENGTH = 10;

/** Accepts an invitation: a new account sets name and password, an existing one confirms its password. */
export function InvitationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const info = useApiQuery(authRoutes.invitation, token ? { params: { token } } : null);

  if (!token) {
    return (
      <AuthCard title={t("auth.invitation.title")}>
        <Alert color="red" variant="light" role="alert">
          {t("auth.invitation.noToken")}
        </Alert>
      </AuthCard>
    );
  }
  if (info.error) {
    return (
      <AuthCard title={t("auth.invitation.title")}>
        <ProblemAlert error={info.error} />
        <Anchor component={Link} to="/login">
          {t("auth.backToLogin")}
        </Anchor>
      </AuthCard>
    );
  }
  if (!info.data) {
    return (
      <AuthCard title={t("auth.invitation.title")}>
        <Loading />
      </AuthCard>
    );
  }
  return <AcceptForm token={token} info={info.data} />;
}

function AcceptForm({ token, info }: { token: string; info: Info }) {
  const { t } = useTranslation();
  const { startSession } = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const { error, busy, run, fields } = useSubmit();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    await run(
      async () => {
        const body = info.existingAccount ? { token, password } : { token, name, password };
        const session = await callApi(authRoutes.acceptInvitation, { body });
        await startSession(session);
        navigate("/", { replace: true });
      },
      { leaving: true },
    );
  };

  const intro = t("auth.invitation.intro", {
    organisation: info.organisationName,
    role: t(`roles.${info.role}`),
  });
  if (info.ssoRequired) {
    const start = pathOf(ssoRoutes.start, { query: { organisationId: info.organisationId } });
    return (
      <AuthCard title={t("auth.invitation.title")} intro={intro}>
        <Text size="sm" mb="md">
          {t("sso.invitation.required", { organisation: info.organisationName })}
        </Text>
        {/* A link: it leaves Lotse for the organisation's own login page. */}
        <Button component="a" href={start} fullWidth>
          {t("sso.login.button")}
        </Button>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("auth.invitation.title")} intro={intro}>
      <ProblemAlert error={error} />
      <Text size="sm" mb="md">
        {info.existingAccount ? t("auth.invitation.existing") : t("auth.invitation.new")}
      </Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <TextInput label={t("auth.email")} value={info.email} readOnly autoComplete="username" dir="ltr" />
          {info.existingAccount ? null : (
            <TextInput
              label={t("auth.invitation.name")}
              autoComplete="name"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fields.name}
            />
          )}
          <PasswordField
            label={info.existingAccount ? t("auth.password") : t("auth.newPassword")}
            description={info.existingAccount ? undefined : t("auth.passwordHint", { n: MIN_LENGTH })}
            autoComplete={info.existingAccount ? "current-password" : "new-password"}
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fields.password}
          />
          <Button type="submit" loading={busy} fullWidth>
            {t("auth.invitation.submit")}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
