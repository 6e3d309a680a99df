import { notifications } from "@mantine/notifications";
import { i18n } from "#client/i18n.ts";

/** A short confirmation that the last action worked. */
export function notifySuccess(message: string) {
  notifications.show({ color: "green", message, closeButtonProps: { "aria-label": i18n.t("common.close") } });
}

/** A failed action outside a form, with the server's translated message. */
export function notifyError(err: unknown) {
  notifications.show({
    color: "red",
    title: i18n.t("common.errorTitle"),
    message: err instanceof Error ? err.message : String(err),
    closeButtonProps: { "aria-label": i18n.t("common.close") },
  });
}
