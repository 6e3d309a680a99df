// `npm run dev`: the API server restarting on change, and Vite's dev server with hot reload in front.
import { spawn } from "node:child_process";
import path from "node:path";

const bin = (name: string) => path.resolve("node_modules", ".bin", name);
const children = [
  spawn(process.execPath, ["--watch-path=src/server", "--watch-path=src/shared", "src/server/main.ts"], {
    stdio: "inherit",
    env: { ...process.env, PORT: process.env.PORT ?? "3000" },
  }),
  spawn(bin("vite"), ["--port", "5173", "--strictPort"], { stdio: "inherit" }),
];
console.log("[lotse] Development: open http://localhost:5173 (API on :3000, proxied by Vite)");

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill(signal);
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
for (const child of children) child.on("exit", () => stop("SIGTERM"));
