import { Center, Loader, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * A spinner with a spoken name, for content that is still loading. The name is text inside the
 * status region: an `aria-label` on the spinner's span (no role) is not allowed by ARIA.
 */
export function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader aria-hidden="true" />
      <VisuallyHidden>{t("common.loading")}</VisuallyHidden>
    </Center>
  );
}
