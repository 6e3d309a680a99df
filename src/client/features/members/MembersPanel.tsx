import { Paper, Stack, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "#client/api/use-api.ts";
import { Loading } from "#client/components/Loading.tsx";
import { notifySuccess } from "#client/components/notify.ts";
import { Pager } from "#client/components/Pager.tsx";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { useRequiredSession } from "#client/session/session-context.ts";
import type { Member } from "#shared/contracts/members.ts";
import { memberRoutes } from "#shared/contracts/routes/members.ts";
import { InvitationsTable } from "./InvitationsTable.tsx";
import { InviteForm } from "./InviteForm.tsx";
import { MemberEditModal } from "./MemberEditModal.tsx";
import { MemberFilters, type MemberFilterValues, NO_MEMBER_FILTER } from "./MemberFilters.tsx";
import { MembersTable } from "./MembersTable.tsx";
import { assignableRoles } from "./roles.ts";

const LIMIT = 25;

/** Members, invitation and open invitations of one organisation; used for one's own and by the coordinator. */
export function MembersPanel({
  organisationId,
  headingLevel,
}: {
  organisationId: string;
  headingLevel: 2 | 3;
}) {
  const { t } = useTranslation();
  const session = useRequiredSession();
  const roles = assignableRoles(session);
  const [filters, setFilters] = useState<MemberFilterValues>(NO_MEMBER_FILTER);
  const [q] = useDebouncedValue(filters.q, 300);
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<Member | null>(null);
  const params = { orgId: organisationId };
  const members = useApiQuery(memberRoutes.list, { params, query: { ...filters, q, limit: LIMIT, offset } });
  const invitations = useApiQuery(memberRoutes.invitations, { params });

  return (
    <Stack gap="lg">
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="members-heading">
        <Title order={headingLevel} size="h3" id="members-heading" mb="md">
          {t("members.listTitle")}
        </Title>
        <MemberFilters
          value={filters}
          onChange={(v) => {
            setFilters(v);
            setOffset(0);
          }}
        />
        <ProblemAlert error={members.error} />
        {members.data ? (
          <>
            <MembersTable
              members={members.data.items}
              total={members.data.total}
              busy={members.loading}
              onEdit={setEditing}
            />
            <Pager total={members.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
          </>
        ) : members.error ? null : (
          <Loading />
        )}
      </Paper>

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="invite-heading">
        <Title order={headingLevel} size="h3" id="invite-heading" mb="xs">
          {t("members.invite.title")}
        </Title>
        <InviteForm organisationId={organisationId} roles={roles} onInvited={invitations.reload} />
      </Paper>

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="invitations-heading">
        <Title order={headingLevel} size="h3" id="invitations-heading" mb="xs">
          {t("members.invitations.title")}
        </Title>
        <ProblemAlert error={invitations.error} />
        {invitations.data ? (
          <InvitationsTable
            organisationId={organisationId}
            invitations={invitations.data.items}
            onChanged={invitations.reload}
          />
        ) : invitations.error ? null : (
          <Loading />
        )}
      </Paper>

      <MemberEditModal
        member={editing}
        roles={roles}
        onClose={() => setEditing(null)}
        onSaved={(m) => {
          notifySuccess(t("members.saved", { name: m.name }));
          setEditing(null);
          members.reload();
        }}
      />
    </Stack>
  );
}
