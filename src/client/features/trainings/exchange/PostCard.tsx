import { Badge, Box, Button, Group, Stack, Text } from "@mantine/core";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { formatDateTime } from "#client/components/format.ts";
import { notifySuccess } from "#client/components/notify.ts";
import { trainingExchangeRoutes as routes } from "#shared/contracts/routes/trainings-exchange.ts";
import type { ExchangePost, ExchangeThread } from "#shared/contracts/trainings-exchange.ts";
import { ConfirmDelete } from "./ConfirmDelete.tsx";
import { PostForm } from "./PostForm.tsx";
import { PostText } from "./PostText.tsx";

type Props = { cohortId: string; post: ExchangePost; onChanged: () => void };

/** A button that gets the focus back once the field it opened has closed (saved or cancelled). */
function useReturnFocus() {
  const ref = useRef<HTMLButtonElement>(null);
  const restore = () => requestAnimationFrame(() => ref.current?.focus());
  return [ref, restore] as const;
}

/** One post or reply: author, time, text, and what the caller may do with it. */
function PostBody({ cohortId, post, onChanged, headingId }: Props & { headingId: string }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [editButton, refocusEdit] = useReturnFocus();
  const name = post.author.name ?? t("trainings.exchange.unknownAuthor");
  const params = { cohortId, postId: post.id };
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <Text id={headingId} fw={600} size="sm" component="h3" m={0}>
          <bdi>{name}</bdi>
        </Text>
        {post.author.teaches ? (
          <Badge size="sm" variant="light">
            {t("trainings.exchange.team")}
          </Badge>
        ) : null}
        <Text size="xs" c="dimmed">
          <time dateTime={post.createdAt}>{formatDateTime(post.createdAt)}</time>
          {post.editedAt ? ` · ${t("trainings.exchange.edited")}` : null}
        </Text>
      </Group>
      {post.deleted ? (
        <Text size="sm" fs="italic" c="dimmed">
          {t("trainings.exchange.deleted")}
        </Text>
      ) : editing ? (
        <PostForm
          label={t("trainings.exchange.editField")}
          submitLabel={t("common.save")}
          initial={post.body}
          autoFocus
          onCancel={() => {
            setEditing(false);
            refocusEdit();
          }}
          onSubmit={async (body) => {
            await callApi(routes.updatePost, { params, body: { body } });
            setEditing(false);
            refocusEdit();
            notifySuccess(t("trainings.exchange.saved"));
            onChanged();
          }}
        />
      ) : (
        <PostText text={post.body} />
      )}
      {!editing && (post.abilities.edit || post.abilities.delete) ? (
        <Group gap="xs">
          {post.abilities.edit ? (
            <Button
              ref={editButton}
              size="compact-sm"
              variant="subtle"
              aria-label={t("trainings.exchange.editLabel", { name })}
              onClick={() => setEditing(true)}
            >
              {t("trainings.exchange.edit")}
            </Button>
          ) : null}
          {post.abilities.delete ? (
            <ConfirmDelete
              focusAfter="exchange-thread"
              label={t("trainings.exchange.deleteLabel", { name })}
              question={t("trainings.exchange.deleteConfirm")}
              onDelete={async () => {
                await callApi(routes.deletePost, { params });
                onChanged();
              }}
            />
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
}

/** A post with its replies and a reply form. */
export function ThreadCard({
  cohortId,
  thread,
  onChanged,
}: {
  cohortId: string;
  thread: ExchangeThread;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [replying, setReplying] = useState(false);
  const [replyButton, refocusReply] = useReturnFocus();
  const name = thread.author.name ?? t("trainings.exchange.unknownAuthor");
  return (
    <Box
      component="article"
      aria-labelledby={headingId}
      p="md"
      style={{
        border: "1px solid var(--mantine-color-default-border)",
        borderRadius: "var(--mantine-radius-md)",
      }}
    >
      <PostBody cohortId={cohortId} post={thread} onChanged={onChanged} headingId={headingId} />
      {thread.replies.length > 0 ? (
        <Stack
          component="ul"
          gap="sm"
          mt="sm"
          p={0}
          aria-label={t("trainings.exchange.repliesLabel", { name })}
          style={{
            listStyle: "none",
            borderInlineStart: "3px solid var(--mantine-color-default-border)",
            paddingInlineStart: "var(--mantine-spacing-md)",
          }}
        >
          {thread.replies.map((reply) => (
            <Reply key={reply.id} cohortId={cohortId} post={reply} onChanged={onChanged} />
          ))}
        </Stack>
      ) : null}
      {thread.abilities.reply && !thread.deleted ? (
        <Box mt="sm">
          {replying ? (
            <PostForm
              label={t("trainings.exchange.replyField")}
              submitLabel={t("trainings.exchange.submitReply")}
              autoFocus
              onCancel={() => {
                setReplying(false);
                refocusReply();
              }}
              onSubmit={async (body) => {
                await callApi(routes.createPost, {
                  params: { cohortId },
                  body: { body, parentId: thread.id },
                });
                setReplying(false);
                refocusReply();
                notifySuccess(t("trainings.exchange.posted"));
                onChanged();
              }}
            />
          ) : (
            <Button
              ref={replyButton}
              size="compact-sm"
              variant="light"
              aria-label={t("trainings.exchange.replyLabel", { name })}
              onClick={() => setReplying(true)}
            >
              {t("trainings.exchange.reply")}
            </Button>
          )}
        </Box>
      ) : null}
    </Box>
  );
}

function Reply(props: Props) {
  const headingId = useId();
  return (
    <li aria-labelledby={headingId}>
      <PostBody {...props} headingId={headingId} />
    </li>
  );
}
