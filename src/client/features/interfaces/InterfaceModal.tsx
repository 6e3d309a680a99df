import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { DiscardedInput, type UnsavedItem } from "#client/components/StaleVersionAlert.tsx";
import { attempt } from "#client/forms/actions.ts";
import { FormModal } from "#client/forms/FormModal.tsx";
import type { Interface } from "#shared/contracts/interfaces.ts";
import { interfaceRoutes } from "#shared/contracts/routes/interfaces.ts";
import { InterfaceForm } from "./InterfaceForm.tsx";

type Props = {
  /** "new" opens an empty form, an interface its edit form; null closes the dialog. */
  item: Interface | "new" | null;
  onClose: () => void;
  onSaved: () => void;
};

/**
 * Registers or edits an interface in a dialog. When someone else saved the interface meanwhile
 * (412), the dialog loads the current record and keeps what the person had entered in view.
 */
export function InterfaceModal({ item, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  // The record after a reload replaces the one the list handed over.
  const [reloaded, setReloaded] = useState<Interface | null>(null);
  const [discarded, setDiscarded] = useState<UnsavedItem[]>([]);
  const current = item === "new" || item === null ? item : reloaded?.id === item.id ? reloaded : item;
  const close = () => {
    setDiscarded([]);
    setReloaded(null);
    onClose();
  };
  const reload = (id: string, unsaved: UnsavedItem[]) =>
    attempt(async () => {
      setReloaded(await callApi(interfaceRoutes.get, { params: { interfaceId: id } }));
      setDiscarded(unsaved);
    });
  return (
    <FormModal
      item={current}
      onClose={close}
      size="xl"
      title={current === "new" ? t("interfaces.addTitle") : t("interfaces.editTitle")}
    >
      {current !== null ? (
        <>
          <DiscardedInput items={discarded} onDismiss={() => setDiscarded([])} />
          {/* Keyed by the version: after a reload the form starts from the current record. */}
          <InterfaceForm
            key={current === "new" ? "new" : `${current.id}-${current.version}`}
            item={current === "new" ? null : current}
            onClose={close}
            onSaved={() => {
              setDiscarded([]);
              setReloaded(null);
              onSaved();
            }}
            onReload={(id, unsaved) => void reload(id, unsaved)}
          />
        </>
      ) : null}
    </FormModal>
  );
}
