// Starts the embedded PostgreSQL on the data directory given as the first argument, prints
// "ready" once it accepts connections with its password, and stops it cleanly on SIGTERM.
// Used by tests that kill a first start at arbitrary moments.
import { startEmbeddedPostgres } from "../../src/server/db/embedded.ts";

const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: embedded-start.ts DATA_DIR");
const server = await startEmbeddedPostgres({
  dataDir,
  log: { info: () => {}, warn: (m) => console.error(m) },
});
process.on("SIGTERM", () => {
  void server.stop().then(() => process.exit(0));
});
console.log("ready");
