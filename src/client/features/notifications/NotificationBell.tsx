import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Popover,
  ScrollArea,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type ApiError, callApi } from "#client/api/client.ts";
import { formatDateTime } from "#client/components/format.ts";
import { notifyError } from "#client/components/notify.ts";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { useAction } from "#client/forms/actions.ts";
import { BellIcon } from "#client/shell/icons.tsx";
import { linkOf, notificationText } from "./notification-text.ts";
import { type Notifications, notificationApi, useNotifications } from "./use-notifications.ts";

type Item = Notifications["items"][number];

/**
 * The bell in the header: the number of unread notifications in its name, and on click a panel
 * listing them with links to the referrals they concern.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const headingId = useId();
  const [opened, { toggle, close }] = useDisclosure(false);
  const list = useNotifications();
  const { busy, act } = useAction();
  const unread = list.data?.unread ?? 0;
  const label = unread > 0 ? t("notifications.bellUnread", { n: unread }) : t("notifications.title");

  const markRead = (n: Item) => {
    close();
    if (n.read) return;
    // Following the link must not wait for the server; the count catches up after the answer.
    callApi(notificationApi.read, { params: { notificationId: n.id } }).then(list.reload, (err: ApiError) =>
      notifyError(err),
    );
  };
  const markAll = () =>
    act(async () => {
      await callApi(notificationApi.readAll);
      list.reload();
    });

  return (
    <Popover
      opened={opened}
      onDismiss={close}
      position="bottom-end"
      width={360}
      trapFocus
      returnFocus
      withinPortal
      shadow="md"
    >
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="dark"
          size="lg"
          onClick={() => {
            if (!opened) list.reload();
            toggle();
          }}
          aria-label={label}
          pos="relative"
        >
          <BellIcon />
          {unread > 0 ? (
            <Badge
              size="xs"
              color="red.9"
              circle
              pos="absolute"
              top={0}
              style={{ insetInlineEnd: 0 }}
              aria-hidden="true"
            >
              {unread > 99 ? "99+" : unread}
            </Badge>
          ) : null}
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown aria-labelledby={headingId} p="sm">
        <Group justify="space-between" mb="xs" wrap="nowrap">
          <Title order={2} size="h5" id={headingId}>
            {t("notifications.title")}
          </Title>
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => void markAll()}
            loading={busy}
            disabled={unread === 0}
          >
            {t("notifications.readAll")}
          </Button>
        </Group>
        <ProblemAlert error={list.error} />
        {list.data && list.data.items.length === 0 ? (
          <Text size="sm" py="sm">
            {t("notifications.empty")}
          </Text>
        ) : null}
        {list.data && list.data.items.length > 0 ? (
          <ScrollArea.Autosize mah={420} type="auto">
            <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: "none" }}>
              {list.data.items.map((n) => (
                <NotificationEntry key={n.id} item={n} onFollow={() => markRead(n)} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        ) : null}
      </Popover.Dropdown>
    </Popover>
  );
}

function NotificationEntry({ item, onFollow }: { item: Item; onFollow: () => void }) {
  const { t } = useTranslation();
  const text = notificationText(t, item);
  const body = (
    <>
      {item.read ? null : <span className="visually-hidden">{t("notifications.unread")}: </span>}
      <span dir="auto">{text}</span>
    </>
  );
  return (
    <li
      style={{
        paddingBlock: 6,
        paddingInline: 8,
        borderRadius: 6,
        borderInlineStart: item.read ? "3px solid transparent" : "3px solid var(--mantine-color-petrol-7)",
        background: item.read ? undefined : "var(--mantine-color-petrol-0)",
      }}
    >
      <Text size="sm" fw={item.read ? 400 : 600}>
        {linkOf(item) ? (
          // A block link: a wrapped inline link's box has gaps where the paragraph, not the link,
          // would take a click.
          <Anchor component={Link} to={linkOf(item) ?? ""} onClick={onFollow} inherit display="block">
            {body}
          </Anchor>
        ) : (
          body
        )}
      </Text>
      <Text size="xs" c="dimmed">
        <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
      </Text>
    </li>
  );
}
