import { Button, Group, NativeSelect } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { notifySuccess } from "#client/components/notify.ts";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { EmailField } from "#client/forms/EmailField.tsx";
import { useSubmit } from "#client/forms/use-submit.ts";
import { memberRoutes } from "#shared/contracts/routes/members.ts";
import type { Role } from "#shared/domain.ts";

type Props = { organisationId: string; roles: readonly Role[]; onInvited: () => void };

/** Invites a person by e-mail with a role; the server mails the link (or keeps it in the outbox). */
export function InviteForm({ organisationId, roles, onInvited }: Props) {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("counsellor");
  const { error, busy, run, fields } = useSubmit();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      await callApi(memberRoutes.invite, { params: { orgId: organisationId }, body: { email, role } });
      notifySuccess(t("members.invite.sent", { email }));
      setEmail("");
      onInvited();
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <ProblemAlert error={fields.email || fields.role ? null : error} />
      <Group align="flex-start" wrap="wrap">
        <EmailField
          label={t("members.fields.email")}
          autoComplete="off"
          value={email}
          onChange={setEmail}
          error={fields.email}
          style={{ flex: "1 1 260px" }}
        />
        <NativeSelect
          label={t("members.fields.role")}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as Role)}
          error={fields.role}
          data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          style={{ flex: "0 1 240px" }}
        />
        <Button type="submit" loading={busy} mt={{ base: 0, sm: 25 }}>
          {t("members.invite.submit")}
        </Button>
      </Group>
    </form>
  );
}
