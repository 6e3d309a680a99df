// `npm run lotse -- flow FILE.csv [--delimiter C]`: the directly-follows graph of an event log file
// as JSON on stdout. Pure computation: it never opens the database (cli.ts dispatches here first),
// so it runs beside a live server and on any machine.

import fs from "node:fs";
import { EventLogFormatError, readEventLogCsv } from "./flow/csv.ts";
import { discoverDfg } from "./flow/dfg.ts";

// sysexits.h: the exit codes scripts can tell apart.
const EX_USAGE = 64;
const EX_DATAERR = 65;
const EX_NOINPUT = 66;

const USAGE = `Usage: npm run lotse -- flow FILE.csv [--delimiter C]
  FILE.csv   header row with the columns case, activity, timestamp
             (also case:concept:name, concept:name, time:timestamp);
             timestamps ISO 8601 (without a zone: UTC) or epoch milliseconds; "-" reads stdin
  --delimiter  field delimiter (default: detected among comma, semicolon, tab)`;

/** Runs the flow command; resolves to the process exit code. */
export async function runFlow(args: string[]): Promise<number> {
  let file: string | undefined;
  let delimiter: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--delimiter") {
      delimiter = args[++i] === "\\t" ? "\t" : args[i];
      if (!delimiter) return usage("--delimiter needs a character");
    } else if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      return 0;
    } else if (arg.startsWith("--")) return usage(`unknown option ${arg}`);
    else if (file === undefined) file = arg;
    else return usage(`unexpected argument ${arg}`);
  }
  if (!file) return usage("no file given");

  const input = file === "-" ? process.stdin : fs.createReadStream(file);
  try {
    const log = await readEventLogCsv(input, delimiter ? { delimiter } : {});
    const graph = discoverDfg(log);
    await write(`${JSON.stringify(graph, null, 2)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof EventLogFormatError) {
      console.error(`flow: ${file}: ${err.message}`);
      return EX_DATAERR;
    }
    const e = err as NodeJS.ErrnoException;
    if (e.code === "ENOENT" || e.code === "EACCES" || e.code === "EISDIR") {
      console.error(`flow: cannot read ${file}: ${e.message}`);
      return EX_NOINPUT;
    }
    throw err;
  }
}

function usage(problem: string): number {
  console.error(`flow: ${problem}\n${USAGE}`);
  return EX_USAGE;
}

// cli.ts ends with process.exit(): wait until the graph has been handed to stdout.
function write(text: string): Promise<void> {
  return new Promise((resolve, reject) =>
    process.stdout.write(text, (err) => (err ? reject(err) : resolve())),
  );
}
