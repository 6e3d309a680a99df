import { Alert, Anchor, Button, Stack } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { callApi } from "#client/api/client.ts";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { EmailField } from "#client/forms/EmailField.tsx";
import { useSubmit } from "#client/forms/use-submit.ts";
import { authRoutes } from "#shared/contracts/routes/auth.ts";
import { AuthCard } from "./AuthCard.tsx";

/** Asks for a reset link; the answer is the same whether the address is known or not. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const { error, busy, run } = useSubmit();
  const [sent, setSent] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      await callApi(authRoutes.requestPasswordReset, { body: { email } });
      setSent(true);
    });
  };

  return (
    <AuthCard title={t("auth.forgot.title")} intro={sent ? undefined : t("auth.forgot.intro")}>
      {sent ? (
        <Alert color="green" variant="light" role="status" mb="md" title={t("auth.forgot.sentTitle")}>
          {t("auth.forgot.sent")}
        </Alert>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <ProblemAlert error={error} />
          <Stack>
            <EmailField
              label={t("auth.email")}
              autoComplete="email"
              value={email}
              onChange={setEmail}
              error={error?.fieldErrors().email}
            />
            <Button type="submit" loading={busy} fullWidth>
              {t("auth.forgot.submit")}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/login" size="sm" display="block" ta="center" mt="md">
        {t("auth.backToLogin")}
      </Anchor>
    </AuthCard>
  );
}
