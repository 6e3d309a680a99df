import { Anchor, Button, Stack } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { callApi } from "#client/api/client.ts";
import { PasswordField } from "#client/components/PasswordField.tsx";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { SsoLogin, SsoLoginFailure } from "#client/features/sso/SsoLogin.tsx";
import { EmailField } from "#client/forms/EmailField.tsx";
import { useSubmit } from "#client/forms/use-submit.ts";
import { useSession } from "#client/session/session-context.ts";
import { safeNext } from "#client/shell/RequireSession.tsx";
import { authRoutes } from "#shared/contracts/routes/auth.ts";
import { AuthCard } from "./AuthCard.tsx";

/**
 * Login with e-mail and password, or through one's organisation's provider; continues to the page
 * the person wanted to open. A failed provider login comes back here with `?sso_error=`.
 */
export function LoginPage() {
  const { t } = useTranslation();
  const { session, startSession } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get("next"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { error, busy, run, fields } = useSubmit();

  if (session && !busy) return <Navigate to={next} replace />;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    await run(
      async () => {
        const s = await callApi(authRoutes.login, { body: { email, password } });
        await startSession(s);
        navigate(next, { replace: true });
      },
      { leaving: true },
    );
  };

  return (
    <AuthCard title={t("auth.login.title")} intro={t("auth.login.intro")}>
      {error ? null : <SsoLoginFailure reason={params.get("sso_error")} />}
      <ProblemAlert error={error} title={t("auth.login.failed")} />
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <EmailField
            label={t("auth.email")}
            autoComplete="username"
            value={email}
            onChange={setEmail}
            error={fields.email}
          />
          <PasswordField
            label={t("auth.password")}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fields.password}
          />
          <Button type="submit" loading={busy} fullWidth>
            {t("auth.login.submit")}
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
            {t("auth.login.forgot")}
          </Anchor>
        </Stack>
      </form>
      <SsoLogin email={email} next={next} />
    </AuthCard>
  );
}
