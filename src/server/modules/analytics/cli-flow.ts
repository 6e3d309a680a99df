/** `npm run lotse -- flow FILE.csv`: filled in by its owner (issue 6). */
export async function runFlow(_args: string[]): Promise<number> {
  console.error("flow: not built yet");
  return 1;
}
