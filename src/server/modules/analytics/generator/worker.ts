import { parentPort, workerData } from "node:worker_threads";
import { type ProduceOptions, produce } from "./produce.ts";

/**
 * Generates in its own thread, so that the main thread keeps the COPY streams fed meanwhile.
 * `inFlight[0]` counts chunks handed over and not yet loaded; the worker waits at two.
 */
const { options, inFlight } = workerData as { options: ProduceOptions; inFlight: Int32Array };
const encoder = new TextEncoder();
for (const item of produce(options)) {
  if (item.kind === "network") {
    parentPort?.postMessage(item);
    continue;
  }
  while (Atomics.load(inFlight, 0) >= 2) Atomics.wait(inFlight, 0, Atomics.load(inFlight, 0), 1000);
  Atomics.add(inFlight, 0, 1);
  const { tables, ...counts } = item.chunk;
  const buffers = Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, encoder.encode(v)]));
  parentPort?.postMessage(
    { kind: "chunk", counts, buffers },
    Object.values(buffers).map((b) => b.buffer),
  );
}
parentPort?.postMessage({ kind: "done" });
