import { Button, Group, Stack, Table, Text } from "@mantine/core";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { notifySuccess } from "#client/components/notify.ts";
import { QueryView } from "#client/components/QueryView.tsx";
import { FormProblem } from "#client/forms/FormProblem.tsx";
import { useSubmit } from "#client/forms/use-submit.ts";
import { trainingSessionsRoutes } from "#shared/contracts/routes/trainings-sessions.ts";
import type { AttendanceRow } from "#shared/contracts/trainings-sessions.ts";
import { ATTENDANCE_STATUSES, type AttendanceStatus } from "#shared/trainings.ts";
import { sessionSpan } from "./session-time.ts";

/** The keys that set a status, whatever the interface language (the help text names them). */
const KEYS: Record<string, AttendanceStatus> = { p: "present", l: "late", e: "excused", a: "absent" };
const LETTER: Record<AttendanceStatus, string> = { present: "P", late: "L", excused: "E", absent: "A" };
/** Dark shades: white text on them keeps a contrast of 4.5:1 and more. */
const COLOR: Record<AttendanceStatus, string> = {
  present: "#1b5e20",
  late: "#8a4500",
  excused: "#0b4f8a",
  absent: "#8f1d1d",
};

/** The attendance of one session, loaded, then entered by keyboard or touch. */
export function AttendanceGrid({ sessionId, onSaved }: { sessionId: string; onSaved: () => void }) {
  const query = useApiQuery(trainingSessionsRoutes.attendance, { params: { sessionId } });
  return (
    <QueryView query={query}>
      {(data) => (
        <Grid
          key={data.rows.map((r) => `${r.participantId}:${r.status}`).join()}
          sessionId={sessionId}
          title={`${data.session.topic} – ${sessionSpan(data.session.startsAt, data.session.endsAt)}`}
          rows={data.rows}
          onSaved={() => {
            query.reload();
            onSaved();
          }}
        />
      )}
    </QueryView>
  );
}

type GridProps = { sessionId: string; title: string; rows: AttendanceRow[]; onSaved: () => void };

/**
 * One radio group per participant inside a table, with a single tab stop (roving focus): arrow
 * keys move between people (up/down) and statuses (left/right, mirrored in Arabic), P/L/E/A set
 * the status and go on to the next person, Space or Enter set the focused status, Ctrl+Enter saves.
 */
function Grid({ sessionId, title, rows, onSaved }: GridProps) {
  const { t, i18n } = useTranslation();
  const [statuses, setStatuses] = useState<Record<string, AttendanceStatus | null>>(() =>
    Object.fromEntries(rows.map((r) => [r.participantId, r.status])),
  );
  const [focus, setFocus] = useState({ row: 0, col: 0 });
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const moved = useRef(false);
  const submit = useSubmit();
  const changed = rows.filter((r) => statuses[r.participantId] !== r.status);
  const open = rows.filter((r) => statuses[r.participantId] === null).length;
  const rtl = i18n.dir() === "rtl";

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    refs.current.get(`${focus.row}:${focus.col}`)?.focus();
  }, [focus]);

  const set = (row: number, status: AttendanceStatus) => {
    const r = rows[row];
    if (r) setStatuses((s) => ({ ...s, [r.participantId]: status }));
  };
  const go = (row: number, col: number) => {
    moved.current = true;
    setFocus({
      row: Math.max(0, Math.min(rows.length - 1, row)),
      col: Math.max(0, Math.min(ATTENDANCE_STATUSES.length - 1, col)),
    });
  };
  const save = async () => {
    if (changed.length === 0) return;
    const entries = changed.flatMap((r) => {
      const status = statuses[r.participantId];
      return status ? [{ participantId: r.participantId, status }] : [];
    });
    const ok = await submit.run(() =>
      callApi(trainingSessionsRoutes.saveAttendance, { params: { sessionId }, body: { entries } }),
    );
    if (ok) {
      notifySuccess(t("trainings.attendance.saved", { n: entries.length }));
      onSaved();
    }
  };
  const allPresent = () =>
    setStatuses((s) => Object.fromEntries(Object.entries(s).map(([id, v]) => [id, v ?? "present"])));

  const onKey = (e: KeyboardEvent<HTMLButtonElement>, row: number, col: number) => {
    const key = e.key.toLowerCase();
    if ((e.ctrlKey || e.metaKey) && e.key === "Enter") {
      e.preventDefault();
      void save();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const status = KEYS[key];
    const step = rtl ? -1 : 1;
    if (status) {
      e.preventDefault();
      set(row, status);
      go(row + 1, ATTENDANCE_STATUSES.indexOf(status));
    } else if (e.key === "ArrowDown") {
      e.preventDefault();
      go(row + 1, col);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      go(row - 1, col);
    } else if (e.key === "ArrowRight") {
      e.preventDefault();
      go(row, col + step);
    } else if (e.key === "ArrowLeft") {
      e.preventDefault();
      go(row, col - step);
    } else if (e.key === "Home") {
      e.preventDefault();
      go(row, 0);
    } else if (e.key === "End") {
      e.preventDefault();
      go(row, ATTENDANCE_STATUSES.length - 1);
    }
  };

  if (rows.length === 0) return <Text>{t("trainings.attendance.nothing")}</Text>;
  return (
    <Stack>
      <Text size="sm" id={`attendance-help-${sessionId}`}>
        {t("trainings.attendance.help")}
      </Text>
      <FormProblem error={submit.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" aria-describedby={`attendance-help-${sessionId}`}>
          <Table.Caption className="visually-hidden">{title}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("trainings.attendance.person")}</Table.Th>
              <Table.Th scope="col">{t("trainings.attendance.organisation")}</Table.Th>
              <Table.Th scope="col">{t("trainings.sessions.status")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, row) => {
              const nameId = `attendance-${sessionId}-${r.participantId}`;
              const current = statuses[r.participantId] ?? null;
              return (
                <Table.Tr key={r.participantId} bg={current === null ? undefined : "gray.0"}>
                  <Table.Th scope="row" id={nameId} dir="auto" fw={600}>
                    {r.name}
                  </Table.Th>
                  <Table.Td dir="auto">{r.organisationName}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap" role="radiogroup" aria-labelledby={nameId}>
                      {ATTENDANCE_STATUSES.map((status, col) => {
                        const checked = current === status;
                        const focused = focus.row === row && focus.col === col;
                        return (
                          <Button
                            key={status}
                            ref={(el) => {
                              if (el) refs.current.set(`${row}:${col}`, el);
                              else refs.current.delete(`${row}:${col}`);
                            }}
                            role="radio"
                            aria-checked={checked}
                            tabIndex={focused ? 0 : -1}
                            variant={checked ? "filled" : "default"}
                            color={checked ? COLOR[status] : undefined}
                            size="sm"
                            miw={112}
                            onClick={() => {
                              set(row, status);
                              setFocus({ row, col });
                            }}
                            onFocus={() => setFocus({ row, col })}
                            onKeyDown={(e) => onKey(e, row, col)}
                            data-status={status}
                          >
                            <span aria-hidden="true" style={{ fontWeight: 700, marginInlineEnd: 6 }}>
                              {LETTER[status]}
                            </span>
                            {t(`trainings.attendance.statuses.${status}`)}
                          </Button>
                        );
                      })}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between">
        <Text size="sm" role="status" aria-live="polite">
          {changed.length > 0 ? t("trainings.attendance.unsaved", { n: changed.length }) : ""}
          {open > 0
            ? ` ${t("trainings.sessions.recorded", { n: rows.length - open, total: rows.length })}`
            : ""}
        </Text>
        <Group>
          <Button variant="light" onClick={allPresent} disabled={open === 0}>
            {t("trainings.attendance.allPresent")}
          </Button>
          <Button onClick={save} loading={submit.busy} disabled={changed.length === 0}>
            {t("trainings.attendance.save")}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
