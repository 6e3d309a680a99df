import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageTitle } from "./PageTitle.tsx";

/** Shown when the acting role may not use a page, e.g. after switching organisation. */
export function Forbidden() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t("common.forbiddenTitle")}</PageTitle>
      <Text>{t("common.forbiddenText")}</Text>
    </>
  );
}
