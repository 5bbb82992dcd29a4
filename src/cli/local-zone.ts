/**
 * Makes the configured time zone the process's own (`TZ`), so zone offsets are read from Date rather
 * than Intl (see useProcessZone in src/validate/zone-offsets.ts): a process's first
 * `Intl.DateTimeFormat` loads ICU's locale data, ~25 ms of a ~300 ms run on small data. No figure depends
 * on the process's zone (every date is computed in an explicit zone; the test suite runs in
 * Pacific/Chatham to prove it), so this changes no output, only what V8 loads.
 *
 * Only for a name ICU knows exactly as written: `TZ` with a name it does not know silently means UTC.
 */
import { isIcuZoneName, useProcessZone } from '../validate/index.js';

export function adoptTimeZone(timeZone: string): void {
  if (!isIcuZoneName(timeZone)) return;
  process.env.TZ = timeZone;
  useProcessZone(timeZone);
}

/**
 * `adoptTimeZone` for a worker thread (command-worker.ts), whose `process.env` is a copy of its own: `TZ`
 * set there moves no Date to the zone, and offsets read from Date would be another zone's. So a worker
 * reads them from Date only when the process's zone already is `timeZone`, as it is once the main thread
 * has adopted it before starting the worker, and from Intl otherwise.
 */
export function adoptTimeZoneInWorker(timeZone: string): void {
  if (process.env.TZ === timeZone && isIcuZoneName(timeZone)) useProcessZone(timeZone);
}
