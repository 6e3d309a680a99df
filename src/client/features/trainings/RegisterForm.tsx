import { Checkbox, NativeSelect, SegmentedControl, Select, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { notifySuccess } from "#client/components/notify.ts";
import { EmailField } from "#client/forms/EmailField.tsx";
import { FormActions } from "#client/forms/FormActions.tsx";
import { FormProblem } from "#client/forms/FormProblem.tsx";
import { useForm } from "#client/forms/use-form.ts";
import { errorOf } from "#client/forms/use-submit.ts";
import { trainingRoutes } from "#shared/contracts/routes/trainings.ts";
import { ORGANISATION_TYPES } from "#shared/domain.ts";
import { PARTICIPANT_ROLES, type ParticipantRole } from "#shared/trainings.ts";

type Props = {
  cohortId: string;
  /** The coordination may also register a person without an account. */
  network: boolean;
  onClose: () => void;
  onSaved: () => void;
};

/** Registers a member (an admin: of their own organisation), or for the coordination a person without an account. */
export function RegisterForm({ cohortId, network, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<"member" | "external">("member");
  const members = useApiQuery(trainingRoutes.registrable, { params: { cohortId } });
  const { values, set, bind, error, busy, fields, onSubmit } = useForm(() => ({
    userId: "",
    name: "",
    email: "",
    organisationName: "",
    organisationType: "",
    role: "staff" as ParticipantRole,
    waitlist: true,
  }));
  const p = (k: string, o: Record<string, unknown> = {}) => t(`trainings.core.participants.${k}`, o);
  const send = async () => {
    const body =
      kind === "member"
        ? { userId: values.userId || undefined, role: values.role, waitlist: values.waitlist }
        : {
            name: values.name,
            email: values.email,
            organisationName: values.organisationName,
            organisationType: (values.organisationType || undefined) as
              | (typeof ORGANISATION_TYPES)[number]
              | undefined,
            role: values.role,
            waitlist: values.waitlist,
          };
    const saved = await callApi(trainingRoutes.register, { params: { cohortId }, body });
    notifySuccess(
      p("registered", { name: saved.name, status: t(`trainings.core.participantStatus.${saved.status}`) }),
    );
    onSaved();
  };
  return (
    <form onSubmit={onSubmit(send)} noValidate>
      <FormProblem error={error} />
      <Stack>
        {network ? (
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as "member" | "external")}
            data={[
              { value: "member", label: p("member") },
              { value: "external", label: p("external") },
            ]}
          />
        ) : null}
        {kind === "member" ? (
          <Select
            label={p("member")}
            required
            searchable
            data={(members.data?.items ?? []).map((m) => ({
              value: m.userId,
              label: network ? `${m.name} (${m.organisationName})` : m.name,
            }))}
            value={values.userId || null}
            onChange={(v) => set("userId", v ?? "")}
            error={errorOf(fields, "userId")}
            comboboxProps={{ withinPortal: true }}
          />
        ) : (
          <>
            <TextInput label={p("name")} required {...bind("name")} />
            <EmailField
              label={p("email")}
              required
              value={values.email}
              onChange={(v) => set("email", v)}
              error={errorOf(fields, "email")}
            />
            <TextInput label={p("organisation")} required {...bind("organisationName")} />
            <NativeSelect
              label={p("organisationType")}
              required
              data={[
                { value: "", label: t("common.choose") },
                ...ORGANISATION_TYPES.map((o) => ({ value: o, label: t(`organisationTypes.${o}`) })),
              ]}
              {...bind("organisationType")}
            />
          </>
        )}
        <NativeSelect
          label={p("role")}
          data={PARTICIPANT_ROLES.map((r) => ({ value: r, label: t(`trainings.core.roles.${r}`) }))}
          {...bind("role")}
        />
        <Checkbox
          label={p("waitlist")}
          checked={values.waitlist}
          onChange={(e) => set("waitlist", e.currentTarget.checked)}
          error={errorOf(fields, "waitlist")}
        />
        <FormActions busy={busy} onCancel={onClose} submitLabel={p("register")} />
      </Stack>
    </form>
  );
}
