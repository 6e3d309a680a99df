import { Modal, type ModalProps } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

type Props = Omit<ModalProps, "opened" | "children" | "title"> & {
  /** The record the dialog works on; null or undefined closes the dialog. */
  item: unknown;
  title: ReactNode;
  /** The form, rendered only while open, so that it starts fresh for each record. */
  children: ReactNode;
};

/** A dialog around a form: open while there is an item, a named close button, content only while open. */
export function FormModal({ item, children, ...props }: Props) {
  const { t } = useTranslation();
  const opened = item !== null && item !== undefined;
  return (
    <Modal opened={opened} closeButtonProps={{ "aria-label": t("common.close") }} {...props}>
      {opened ? children : null}
    </Modal>
  );
}
