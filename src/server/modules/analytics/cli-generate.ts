import type { Database } from "../../db/open.ts";

/** `npm run lotse -- generate …`: filled in by its owner (issue 6). */
export async function runGenerate(_args: string[], _open: () => Promise<Database>): Promise<number> {
  console.error("generate: not built yet");
  return 1;
}
