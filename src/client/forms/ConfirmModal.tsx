import { Button, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { FormActions } from "./FormActions.tsx";
import { FormModal } from "./FormModal.tsx";

type Props<T> = {
  /** What is to be confirmed; null or undefined closes the dialog. */
  item: T | null | undefined;
  title: string;
  /** The question, for the item. */
  message: (item: T) => ReactNode;
  /** The words of the confirming button. */
  confirmLabel: string;
  /** The confirming button's colour: red for what cannot be undone. */
  color?: string;
  busy?: boolean;
  onConfirm: (item: T) => void;
  onClose: () => void;
};

/** Asks before an action that deletes or withdraws: the question, cancel, and the red confirming button. */
export function ConfirmModal<T>({
  item,
  title,
  message,
  confirmLabel,
  color = "red",
  busy,
  onConfirm,
  onClose,
}: Props<T>) {
  return (
    <FormModal item={item} onClose={onClose} title={title}>
      {item !== null && item !== undefined ? (
        <>
          <Text mb="md">{message(item)}</Text>
          <FormActions
            busy={false}
            onCancel={onClose}
            submit={
              <Button color={color} loading={busy} onClick={() => onConfirm(item)}>
                {confirmLabel}
              </Button>
            }
          />
        </>
      ) : null}
    </FormModal>
  );
}
