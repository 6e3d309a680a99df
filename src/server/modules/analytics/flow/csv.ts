import { Readable } from "node:stream";
import { type Info, parse } from "csv-parse";
import { type EventColumns, EventLogEncoder } from "./event-log.ts";
import { parseTimestamp } from "./timestamp.ts";

/** A CSV that cannot be read as an event log; `line` is the 1-based line in the file. */
export class EventLogFormatError extends Error {
  readonly line: number | null;
  constructor(message: string, line: number | null = null) {
    super(line === null ? message : `line ${line}: ${message}`);
    this.name = "EventLogFormatError";
    this.line = line;
  }
}

/**
 * Header names accepted per column, matched without regard to case, first match wins: the plain
 * names of the issue, then the XES names that pm4py and pm4js exports use.
 */
export const COLUMN_ALIASES = {
  case: ["case", "case:concept:name", "case_id", "case id", "caseid", "case:id"],
  activity: ["activity", "concept:name", "activity_name", "activity name", "event"],
  timestamp: ["timestamp", "time:timestamp", "time", "start_timestamp", "date"],
} as const;

export type CsvOptions = {
  /** Field delimiter; detected among comma, semicolon and tab when not given. */
  delimiter?: string;
};

/** Reads an event log CSV stream (header row first) into columns; rejects with {@link EventLogFormatError}. */
export async function readEventLogCsv(input: Readable, options: CsvOptions = {}): Promise<EventColumns> {
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const first = await chunks.next();
  const head = first.done ? "" : String(first.value);
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    info: true,
    delimiter: options.delimiter ?? detectDelimiter(head),
  });
  const source = Readable.from(
    (async function* () {
      if (first.done) return;
      yield first.value;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
    })(),
  );
  source.on("error", (err) => parser.destroy(err));
  source.pipe(parser);

  const encoder = new EventLogEncoder();
  let columns: { case: number; activity: number; timestamp: number } | null = null;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      if (!columns) {
        columns = resolveColumns(record, info.lines);
        continue;
      }
      const line = info.lines;
      const caseId = record[columns.case];
      const activity = record[columns.activity];
      const raw = record[columns.timestamp];
      if (caseId === undefined || activity === undefined || raw === undefined) {
        const needed = Math.max(columns.case, columns.activity, columns.timestamp) + 1;
        throw new EventLogFormatError(`expected at least ${needed} fields, found ${record.length}`, line);
      }
      if (caseId === "") throw new EventLogFormatError("the case is empty", line);
      if (activity === "") throw new EventLogFormatError("the activity is empty", line);
      const time = parseTimestamp(raw);
      if (Number.isNaN(time)) {
        throw new EventLogFormatError(
          `bad timestamp ${JSON.stringify(raw)} (expected ISO 8601 or epoch milliseconds)`,
          line,
        );
      }
      encoder.add(caseId, activity, time);
    }
  } catch (err) {
    if (err instanceof EventLogFormatError) throw err;
    const e = err as Error & { code?: string; lines?: number };
    // csv-parse errors (unclosed quote, wrong field count) carry a code and the line they stopped at.
    if (typeof e.code === "string" && e.code.startsWith("CSV_")) {
      throw new EventLogFormatError(e.message, e.lines ?? null);
    }
    throw err;
  } finally {
    source.destroy();
  }
  if (!columns) throw new EventLogFormatError("the file is empty: expected a header row");
  return encoder.columns();
}

function resolveColumns(
  header: string[],
  line: number,
): { case: number; activity: number; timestamp: number } {
  const names = header.map((h) => h.trim().toLowerCase());
  const find = (kind: keyof typeof COLUMN_ALIASES): number => {
    for (const alias of COLUMN_ALIASES[kind]) {
      const i = names.indexOf(alias);
      if (i >= 0) return i;
    }
    throw new EventLogFormatError(
      `missing column "${kind}" (also accepted: ${COLUMN_ALIASES[kind].slice(1).join(", ")}); ` +
        `the header has ${header.map((h) => JSON.stringify(h)).join(", ")}`,
      line,
    );
  };
  return { case: find("case"), activity: find("activity"), timestamp: find("timestamp") };
}

/**
 * The delimiter of the header line: whichever of comma, semicolon and tab occurs most often outside
 * quotes (comma on a tie). csv-parse's own detection also weighs ':' and ' ', which XES headers
 * (case:concept:name) and timestamps are full of.
 */
export function detectDelimiter(head: string): string {
  const counts = new Map<string, number>([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const ch of head) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) as number) + 1);
  }
  let best = ",";
  for (const [ch, n] of counts) if (n > (counts.get(best) as number)) best = ch;
  return best;
}
