import { Fieldset, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { orNull } from "#client/components/format.ts";
import type { UnsavedItem } from "#client/components/StaleVersionAlert.tsx";
import { type Authority, AuthoritySelect } from "#client/features/recognition/ProcedureFields.tsx";
import { FormActions } from "#client/forms/FormActions.tsx";
import { FormProblem } from "#client/forms/FormProblem.tsx";
import { useForm } from "#client/forms/use-form.ts";
import { errorOf } from "#client/forms/use-submit.ts";
import { useRequiredSession } from "#client/session/session-context.ts";
import type { Interface, InterfaceUpdate } from "#shared/contracts/interfaces.ts";
import { interfaceRoutes } from "#shared/contracts/routes/interfaces.ts";
import { HANDOVER_CHANNELS, INTERFACE_SCOPES, type InterfaceScope } from "#shared/referrals.ts";
import { dayCount } from "./labels.ts";

type Org = Pick<Authority, "id" | "name">;
type Props = {
  /** Null registers a new interface. */
  item: Interface | null;
  onClose: () => void;
  onSaved: () => void;
  onReload: (id: string, unsaved: UnsavedItem[]) => void;
};

const TEXTS = ["fromUnit", "toUnit", "agreementWhat", "agreementHow", "fromContact", "toContact"] as const;
type TextKey = (typeof TEXTS)[number];
type Values = Record<TextKey | "channel" | "status" | "answerWithinDays" | "completeWithinDays", string> & {
  scope: InterfaceScope;
};

/** Two different organisations hand over externally; within one, the institution is the usual scope. */
export function suggestedScope(from: Org | null, to: Org | null): InterfaceScope {
  return from && to && from.id !== to.id ? "external" : "institution";
}

function initialValues(item: Interface | null): Values {
  return {
    ...(Object.fromEntries(TEXTS.map((k) => [k, item?.[k] ?? ""])) as Record<TextKey, string>),
    channel: item?.channel ?? "",
    status: item?.status ?? "active",
    scope: item?.scope ?? "external",
    answerWithinDays: item ? String(item.answerWithinDays) : "",
    completeWithinDays: item ? String(item.completeWithinDays) : "",
  };
}

/** The fields of an interface; the two organisations are chosen once, when it is registered. */
export function InterfaceForm({ item, onClose, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const session = useRequiredSession();
  // An organisation admin usually registers what their own organisation hands over.
  const own =
    session.active.role === "org_admin"
      ? { id: session.active.organisationId, name: session.active.organisationName }
      : null;
  const [from, setFrom] = useState<Org | null>(item ? item.from : own);
  const [to, setTo] = useState<Org | null>(item ? item.to : null);
  const { values, setValues, bind, error, busy, run, fields } = useForm<Values>(() => initialValues(item));
  // Until the person picks a scope, it follows the chosen organisations.
  const [scopeChosen, setScopeChosen] = useState(item !== null);
  const f = (k: string) => t(`interfaces.fields.${k}`);

  const chooseOrg = (side: "from" | "to", org: Org | null) => {
    const next = { from, to, [side]: org };
    if (side === "from") setFrom(org);
    else setTo(org);
    if (!scopeChosen) setValues((v) => ({ ...v, scope: suggestedScope(next.from, next.to) }));
  };

  const shown = (k: keyof Values, v: string) => {
    if (v === "") return "–";
    if (k === "scope" || k === "channel" || k === "status")
      return t(`interfaces.${k === "scope" ? "scopes" : k === "channel" ? "channels" : "statuses"}.${v}`);
    return v;
  };
  /** What the person changed, to keep in view when the record must be reloaded. */
  const unsaved = (): UnsavedItem[] => {
    const before = initialValues(item);
    return (Object.keys(values) as (keyof Values)[])
      .filter((k) => values[k] !== before[k])
      .map((k) => ({ label: f(k), value: shown(k, values[k]) }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const common = {
      fromUnit: values.fromUnit.trim(),
      toUnit: values.toUnit.trim(),
      scope: values.scope,
      agreementWhat: orNull(values.agreementWhat),
      agreementHow: orNull(values.agreementHow),
      channel: (values.channel || null) as InterfaceUpdate["channel"],
      fromContact: orNull(values.fromContact),
      toContact: orNull(values.toContact),
      // A word instead of a number reaches the server, which answers with the field's message.
      answerWithinDays: dayCount(values.answerWithinDays) as number,
      completeWithinDays: dayCount(values.completeWithinDays) as number,
      status: values.status as "active" | "inactive",
    };
    const ok = await run(() =>
      item
        ? callApi(
            interfaceRoutes.update,
            { params: { interfaceId: item.id }, body: common },
            { ifMatch: item.version },
          )
        : callApi(interfaceRoutes.create, {
            body: { ...common, fromOrganisationId: from?.id ?? "", toOrganisationId: to?.id ?? "" },
          }),
    );
    if (ok) onSaved();
  };

  const orgField = (side: "from" | "to") => {
    const org = side === "from" ? from : to;
    if (item) {
      return (
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {f(`${side}Organisation`)}
          </Text>
          <Text size="sm" dir="auto">
            {org?.name}
          </Text>
        </Stack>
      );
    }
    return (
      <AuthoritySelect
        label={f(`${side}Organisation`)}
        required
        value={org}
        onChange={(o) => chooseOrg(side, o)}
        error={errorOf(fields, `${side}OrganisationId`)}
      />
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <FormProblem
        error={error}
        unsaved={unsaved}
        onReload={item ? (u) => onReload(item.id, u) : undefined}
      />
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Fieldset legend={t("interfaces.sending")}>
            <Stack gap="sm">
              {orgField("from")}
              <TextInput label={f("fromUnit")} description={t("interfaces.unitHint")} {...bind("fromUnit")} />
              <TextInput label={f("fromContact")} {...bind("fromContact")} />
            </Stack>
          </Fieldset>
          <Fieldset legend={t("interfaces.receiving")}>
            <Stack gap="sm">
              {orgField("to")}
              <TextInput label={f("toUnit")} description={t("interfaces.unitHint")} {...bind("toUnit")} />
              <TextInput label={f("toContact")} {...bind("toContact")} />
            </Stack>
          </Fieldset>
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={f("scope")}
            description={scopeChosen ? undefined : t("interfaces.scopeSuggested")}
            data={INTERFACE_SCOPES.map((s) => ({ value: s, label: t(`interfaces.scopes.${s}`) }))}
            value={values.scope}
            error={errorOf(fields, "scope")}
            onChange={(e) => {
              const scope = e.currentTarget.value as InterfaceScope;
              setScopeChosen(true);
              setValues((v) => ({ ...v, scope }));
            }}
          />
          <NativeSelect
            label={f("channel")}
            data={[
              { value: "", label: t("interfaces.notGiven") },
              ...HANDOVER_CHANNELS.map((c) => ({ value: c, label: t(`interfaces.channels.${c}`) })),
            ]}
            {...bind("channel")}
          />
          <NativeSelect
            label={f("status")}
            data={(["active", "inactive"] as const).map((s) => ({
              value: s,
              label: t(`interfaces.statuses.${s}`),
            }))}
            {...bind("status")}
          />
        </SimpleGrid>
        <Textarea label={f("agreementWhat")} autosize minRows={2} maxRows={6} {...bind("agreementWhat")} />
        <Textarea label={f("agreementHow")} autosize minRows={2} maxRows={6} {...bind("agreementHow")} />
        <Fieldset legend={t("interfaces.agreedTimes")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={f("answerWithinDays")}
              description={t("interfaces.workingDaysHint")}
              required
              inputMode="numeric"
              dir="ltr"
              {...bind("answerWithinDays")}
            />
            <TextInput
              label={f("completeWithinDays")}
              description={t("interfaces.workingDaysHint")}
              required
              inputMode="numeric"
              dir="ltr"
              {...bind("completeWithinDays")}
            />
          </SimpleGrid>
        </Fieldset>
        <FormActions busy={busy} onCancel={onClose} />
      </Stack>
    </form>
  );
}
