import { Anchor, DataList, Paper, Stack, Title } from "@mantine/core";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useApiQuery } from "#client/api/use-api.ts";
import { DataRow } from "#client/components/DataRow.tsx";
import { Guarded } from "#client/components/Forbidden.tsx";
import { formatDateTime } from "#client/components/format.ts";
import { PageTitle } from "#client/components/PageTitle.tsx";
import { RecordPending } from "#client/forms/RecordPending.tsx";
import { outboxRoutes } from "#shared/contracts/routes/outbox.ts";
import { MailStatusBadge } from "./MailStatusBadge.tsx";
import { templateLabel } from "./OutboxPage.tsx";

/** One mail of the outbox with its full text, links clickable. */
export function OutboxMailPage() {
  return <Guarded permission="outbox.read">{() => <MailView />}</Guarded>;
}

function MailView() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const mail = useApiQuery(outboxRoutes.get, { params: { id } });
  const back = (
    <Anchor component={Link} to="/outbox" size="sm" display="block" mb="xs">
      {t("outbox.back")}
    </Anchor>
  );
  if (mail.error || !mail.data)
    return <RecordPending query={mail} title={t("outbox.mailTitle")} back={back} />;
  const m = mail.data;
  return (
    <Stack gap="lg">
      <div>
        {back}
        <PageTitle dir="auto">{m.subject}</PageTitle>
      </div>
      <Paper withBorder p="lg" radius="md">
        <DataList labelWidth="160px">
          <DataRow preLine={false} label={t("outbox.fields.to")}>
            {m.toAddress}
          </DataRow>
          <DataRow preLine={false} label={t("outbox.fields.template")}>
            {templateLabel(t, m.template)}
          </DataRow>
          <DataRow preLine={false} label={t("outbox.fields.status")}>
            <MailStatusBadge status={m.status} />
          </DataRow>
          <DataRow preLine={false} label={t("outbox.fields.createdAt")}>
            {formatDateTime(m.createdAt)}
          </DataRow>
          <DataRow preLine={false} label={t("outbox.fields.sentAt")}>
            {formatDateTime(m.sentAt)}
          </DataRow>
          <DataRow preLine={false} label={t("outbox.fields.attempts")}>
            {String(m.attempts)}
          </DataRow>
          {m.lastError ? (
            <DataRow preLine={false} label={t("outbox.fields.lastError")}>
              {m.lastError}
            </DataRow>
          ) : null}
        </DataList>
      </Paper>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="mail-text-heading">
        <Title order={2} size="h4" id="mail-text-heading" mb="sm">
          {t("outbox.text")}
        </Title>
        <pre className="mail-text" dir="auto">
          <Linkified text={m.bodyText} />
        </pre>
      </Paper>
    </Stack>
  );
}

/** Plain text with its http(s) addresses as links; nothing else is interpreted. */
function Linkified({ text }: { text: string }) {
  // Each piece is keyed by where it starts in the text, which is stable and unique.
  const pieces: { at: number; part: string; link: boolean }[] = [];
  let at = 0;
  text.split(/(https?:\/\/[^\s<>"]+)/g).forEach((part, i) => {
    pieces.push({ at, part, link: i % 2 === 1 });
    at += part.length;
  });
  return (
    <>
      {pieces.map((p) =>
        p.link ? (
          <Anchor key={p.at} href={p.part} style={{ overflowWrap: "anywhere" }}>
            {p.part}
          </Anchor>
        ) : (
          <Fragment key={p.at}>{p.part}</Fragment>
        ),
      )}
    </>
  );
}
