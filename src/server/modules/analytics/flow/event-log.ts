/** One event of an event log: which case, which activity, when (epoch milliseconds or a Date). */
export type FlowEvent = { caseId: string; activity: string; timestamp: number | Date };

/**
 * An event log in columns: case and activity as small integers into the name lists, times as epoch
 * milliseconds. Rows are in input order; that order breaks ties between equal timestamps.
 * The API can fill these columns straight from SQL rows without building one object per event.
 */
export type EventColumns = {
  caseNames: string[];
  activityNames: string[];
  /** Index into caseNames, per event. */
  cases: Int32Array;
  /** Index into activityNames, per event. */
  activities: Int32Array;
  /** Epoch milliseconds, per event. */
  times: Float64Array;
  length: number;
};

/** Collects events one at a time (a CSV stream, a database cursor) into {@link EventColumns}. */
export class EventLogEncoder {
  readonly caseNames: string[] = [];
  readonly activityNames: string[] = [];
  #caseIds = new Map<string, number>();
  #activityIds = new Map<string, number>();
  #cases = new Int32Array(1024);
  #activities = new Int32Array(1024);
  #times = new Float64Array(1024);
  #length = 0;

  get length(): number {
    return this.#length;
  }

  /** Adds one event; `time` must be finite epoch milliseconds. */
  add(caseId: string, activity: string, time: number): void {
    if (!Number.isFinite(time)) throw new RangeError(`The time of an event must be finite, got ${time}`);
    let c = this.#caseIds.get(caseId);
    if (c === undefined) {
      c = this.caseNames.length;
      this.#caseIds.set(caseId, c);
      this.caseNames.push(caseId);
    }
    let a = this.#activityIds.get(activity);
    if (a === undefined) {
      a = this.activityNames.length;
      this.#activityIds.set(activity, a);
      this.activityNames.push(activity);
    }
    if (this.#length === this.#cases.length) this.#grow();
    const i = this.#length++;
    this.#cases[i] = c;
    this.#activities[i] = a;
    this.#times[i] = time;
  }

  /** The columns collected so far (views, not copies). */
  columns(): EventColumns {
    const n = this.#length;
    return {
      caseNames: this.caseNames,
      activityNames: this.activityNames,
      cases: this.#cases.subarray(0, n),
      activities: this.#activities.subarray(0, n),
      times: this.#times.subarray(0, n),
      length: n,
    };
  }

  #grow(): void {
    const size = this.#cases.length * 2;
    this.#cases = grown(this.#cases, size);
    this.#activities = grown(this.#activities, size);
    this.#times = grown(this.#times, size);
  }
}

/** A copy of a typed array in a larger one of the same kind (the columns grow by doubling). */
export function grown<T extends Int32Array | Float64Array | Uint8Array>(array: T, size: number): T {
  const larger = new (array.constructor as new (size: number) => T)(size);
  larger.set(array);
  return larger;
}

/** Encodes events given as objects (tests, small logs) into columns. */
export function encodeEvents(events: Iterable<FlowEvent>): EventColumns {
  const encoder = new EventLogEncoder();
  for (const e of events) {
    encoder.add(e.caseId, e.activity, typeof e.timestamp === "number" ? e.timestamp : e.timestamp.getTime());
  }
  return encoder.columns();
}
