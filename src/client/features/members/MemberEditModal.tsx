import { NativeSelect, Stack, Text } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { FormActions } from "#client/forms/FormActions.tsx";
import { FormModal } from "#client/forms/FormModal.tsx";
import { useSubmit } from "#client/forms/use-submit.ts";
import type { Member } from "#shared/contracts/members.ts";
import { memberRoutes } from "#shared/contracts/routes/members.ts";
import type { Role } from "#shared/domain.ts";

type Props = {
  member: Member | null;
  roles: readonly Role[];
  onClose: () => void;
  onSaved: (member: Member) => void;
};

/** Changes a member's role or (de)activates the membership; sends only what changed. */
export function MemberEditModal({ member, roles, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal item={member} onClose={onClose} title={t("members.editTitle")}>
      {member ? (
        <EditForm
          key={member.membershipId}
          member={member}
          roles={roles}
          onClose={onClose}
          onSaved={onSaved}
        />
      ) : null}
    </FormModal>
  );
}

function EditForm({ member, roles, onClose, onSaved }: Props & { member: Member }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(member.role);
  const [status, setStatus] = useState<Member["status"]>(member.status);
  const { error, busy, run, fields } = useSubmit();
  // A member may already hold a role the actor cannot give (a coordinator seen by an admin): keep it listed.
  const roleOptions = roles.includes(member.role) ? roles : [member.role, ...roles];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      ...(role !== member.role ? { role } : {}),
      ...(status !== member.status ? { status } : {}),
    };
    if (Object.keys(body).length === 0) {
      onClose();
      return;
    }
    await run(async () => {
      onSaved(
        await callApi(memberRoutes.update, {
          params: { orgId: member.organisationId, membershipId: member.membershipId },
          body,
        }),
      );
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <ProblemAlert error={error} />
      <Stack>
        <div>
          <Text fw={600}>{member.name}</Text>
          <Text size="sm" c="dimmed">
            {member.email}
          </Text>
        </div>
        <NativeSelect
          label={t("members.fields.role")}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as Role)}
          error={fields.role}
          data={roleOptions.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <NativeSelect
          label={t("members.fields.status")}
          description={t("members.statusHint")}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as Member["status"])}
          error={fields.status}
          data={(["active", "deactivated"] as const).map((s) => ({
            value: s,
            label: t(`members.status.${s}`),
          }))}
        />
        <FormActions busy={busy} onCancel={onClose} />
      </Stack>
    </form>
  );
}
