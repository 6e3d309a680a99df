import { Alert, Button, Container } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useRouteError } from "react-router";

/** Last resort when a page fails to load or render (e.g. a stale bundle after an update). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <Container component="main" size="sm" py="xl">
      <h1>{t("common.errorTitle")}</h1>
      <Alert color="red" role="alert" mb="md">
        {t("errors.internal")}
      </Alert>
      <Button onClick={() => window.location.reload()}>{t("common.reload")}</Button>
    </Container>
  );
}
