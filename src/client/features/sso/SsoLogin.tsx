import { Alert, Button, Divider, NativeSelect, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "#client/api/use-api.ts";
import { pathOf } from "#shared/contracts/route.ts";
import { ssoRoutes } from "#shared/contracts/routes/sso.ts";
import { SSO_LOGIN_ERRORS, type SsoLoginError, type SsoLoginOptions } from "#shared/contracts/sso.ts";

/** The organisation whose provider vouches for the typed address's domain, if exactly one does. */
function organisationForEmail(options: SsoLoginOptions["items"], email: string): string | undefined {
  const at = email.lastIndexOf("@");
  if (at < 0) return undefined;
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase();
  const matches = options.filter((o) => o.emailDomains.includes(domain));
  return matches.length === 1 ? matches[0]?.organisationId : undefined;
}

/**
 * Login through one's organisation's provider. The list of organisations with a provider is
 * public and the matching by mail domain happens in the browser, so the server never learns a
 * typed address and nobody can probe which addresses have an account.
 */
export function SsoLogin({ email, next }: { email: string; next: string }) {
  const { t } = useTranslation();
  const options = useApiQuery(ssoRoutes.providers);
  const [chosen, setChosen] = useState<string>("");
  const items = options.data?.items ?? [];
  if (items.length === 0) return null;
  const organisationId = chosen || organisationForEmail(items, email) || "";
  const option = items.find((o) => o.organisationId === organisationId);
  const href = option
    ? pathOf(ssoRoutes.start, {
        query: { organisationId: option.organisationId, next: next !== "/" ? next : undefined },
      })
    : undefined;
  return (
    <>
      <Divider label={t("sso.login.or")} labelPosition="center" my="lg" />
      <Stack gap="sm">
        <Text size="sm">{t("sso.login.intro")}</Text>
        <NativeSelect
          label={t("sso.login.organisation")}
          value={organisationId}
          onChange={(e) => setChosen(e.currentTarget.value)}
          data={[
            { value: "", label: t("common.choose") },
            ...items.map((o) => ({ value: o.organisationId, label: o.organisationName })),
          ]}
        />
        {href && option ? (
          <>
            {/* A link, not a button: it leaves Lotse for the provider's own login page. */}
            <Button component="a" href={href} variant="default" fullWidth>
              {t("sso.login.button")}
            </Button>
            <Text size="xs" c="dimmed">
              {t("sso.login.via", { provider: option.displayName })}
            </Text>
          </>
        ) : null}
      </Stack>
    </>
  );
}

/** The reason of a failed provider login from `?sso_error=`, translated; unknown values read as a plain failure. */
export function SsoLoginFailure({ reason }: { reason: string | null }) {
  const { t } = useTranslation();
  if (!reason) return null;
  const known: SsoLoginError = (SSO_LOGIN_ERRORS as readonly string[]).includes(reason)
    ? (reason as SsoLoginError)
    : "failed";
  return (
    <Alert color="red" variant="light" role="alert" title={t("sso.login.failed")} mb="md">
      {t(`errors.sso.${known}`)}
    </Alert>
  );
}
