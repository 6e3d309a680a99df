import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageTitle } from "#client/components/PageTitle.tsx";

/** Placeholder until the part is built. */
export function ApplyPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t("trainings.nav")}</PageTitle>
      <Text>{t("common.loading")}</Text>
    </>
  );
}
