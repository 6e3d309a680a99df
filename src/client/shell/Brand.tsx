import { Group, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LotseMark } from "./icons.tsx";

/** App name and mark, linking to the start page. */
export function Brand() {
  const { t } = useTranslation();
  return (
    <Link to="/" style={{ textDecoration: "none", color: "inherit" }}>
      <Group gap="xs" wrap="nowrap">
        <LotseMark />
        <div>
          <Text fw={700} size="lg" lh={1.1}>
            {t("common.appName")}
          </Text>
          <Text size="xs" c="dimmed" lh={1.1} visibleFrom="sm">
            {t("common.tagline")}
          </Text>
        </div>
        <VisuallyHidden>{t("shell.homeLink")}</VisuallyHidden>
      </Group>
    </Link>
  );
}
