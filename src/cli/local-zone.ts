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
