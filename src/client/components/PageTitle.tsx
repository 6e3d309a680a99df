import { Title } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/**
 * The page's one h1; also names the browser tab, so each page has its own title (WCAG 2.4.2).
 * `dir="auto"` is for titles that are data (an organisation's name, a mail subject) rather than UI text.
 */
export function PageTitle({ children, dir }: { children: string; dir?: "auto" }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${children} · ${t("common.appName")}`;
  }, [children, t]);
  return (
    <Title order={1} size="h2" mb="md" dir={dir}>
      {children}
    </Title>
  );
}
