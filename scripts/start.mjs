// `npm start`: one process, so that the supervisor's signals reach the server. Plain JavaScript for
// the preflight (an old Node still gets a clear message), then the TypeScript server in-process.
import "./preflight.mjs";

await import("../src/server/main.ts");
