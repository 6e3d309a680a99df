import { Alert, Anchor, Button, Stack } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { callApi } from "#client/api/client.ts";
import { PasswordField } from "#client/components/PasswordField.tsx";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { useSubmit } from "#client/forms/use-submit.ts";
import { authRoutes } from "#shared/contracts/routes/auth.ts";
import { AuthCard } from "./AuthCard.tsx";

const MIN_LENGTH = 10;

/** Sets a new password with the token from the reset mail. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const { error, busy, run } = useSubmit();
  const [done, setDone] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setMismatch(password !== repeat);
    if (password !== repeat) return;
    await run(async () => {
      await callApi(authRoutes.confirmPasswordReset, { body: { token, password } });
      setDone(true);
    });
  };

  if (!token) {
    return (
      <AuthCard title={t("auth.reset.title")}>
        <Alert color="red" variant="light" role="alert" mb="md">
          {t("auth.reset.noToken")}
        </Alert>
        <Anchor component={Link} to="/forgot-password">
          {t("auth.reset.requestNew")}
        </Anchor>
      </AuthCard>
    );
  }

  if (done) {
    return (
      <AuthCard title={t("auth.reset.title")}>
        <Alert color="green" variant="light" role="status" mb="md">
          {t("auth.reset.done")}
        </Alert>
        <Button component={Link} to="/login" fullWidth>
          {t("auth.login.submit")}
        </Button>
      </AuthCard>
    );
  }

  const fields = error?.fieldErrors() ?? {};
  return (
    <AuthCard title={t("auth.reset.title")} intro={t("auth.reset.intro", { n: MIN_LENGTH })}>
      <ProblemAlert error={error} />
      {error?.problem.code === "auth.invalid_token" ? (
        <Anchor component={Link} to="/forgot-password" display="block" mb="md">
          {t("auth.reset.requestNew")}
        </Anchor>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <PasswordField
            label={t("auth.newPassword")}
            description={t("auth.passwordHint", { n: MIN_LENGTH })}
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fields.password}
          />
          <PasswordField
            label={t("auth.repeatPassword")}
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            error={mismatch ? t("auth.passwordMismatch") : undefined}
          />
          <Button type="submit" loading={busy} fullWidth>
            {t("auth.reset.submit")}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
