import { Center, Loader } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** A spinner with a spoken name, for content that is still loading. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader aria-label={t("common.loading")} />
    </Center>
  );
}
