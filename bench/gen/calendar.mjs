// Fast calendar formatting for millions of rows: days are integers (days since 1970-01-01, UTC) and
// their ISO strings and New York offsets are computed once per day, never per row. Nothing here reads
// the machine's time zone, so the generated files are the same on every machine.

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

export const dayOf = (isoDate) => Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / DAY_MS;

const FIRST_DAY = dayOf('2005-01-01');
const LAST_DAY = dayOf('2028-12-31');
const ISO_OF_DAY = [];
/** New York's offset at noon UTC of each day, in minutes. */
const NOON_OFFSET = [];
/** The instant New York's offset changed, on the days it changed (between the previous noon and this one). */
const CHANGE_AT = new Map();
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', timeZoneName: 'longOffset' });
const offsetMinutesAt = (ms) => {
  const name = offsetFormat.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName').value;
  return name === 'GMT' ? 0 : (name[3] === '-' ? -1 : 1) * (Number(name.slice(4, 6)) * 60 + Number(name.slice(7, 9)));
};
for (let day = FIRST_DAY; day <= LAST_DAY; day++) {
  ISO_OF_DAY.push(new Date(day * DAY_MS).toISOString().slice(0, 10));
  const offset = offsetMinutesAt(day * DAY_MS + 12 * HOUR_MS);
  const previous = NOON_OFFSET[NOON_OFFSET.length - 1];
  if (previous !== undefined && previous !== offset) {
    // Changes happen at a whole hour: find the first hour after the previous noon with the new offset.
    let at = (day - 1) * DAY_MS + 13 * HOUR_MS;
    while (offsetMinutesAt(at) !== offset) at += HOUR_MS;
    CHANGE_AT.set(day, at);
  }
  NOON_OFFSET.push(offset);
}

/** New York's UTC offset at an instant, in minutes (a change always falls before noon UTC). */
const nyOffsetMinutes = (ms) => {
  const day = Math.floor(ms / DAY_MS);
  const change = CHANGE_AT.get(day);
  return change !== undefined && ms < change ? NOON_OFFSET[day - 1 - FIRST_DAY] : NOON_OFFSET[day - FIRST_DAY];
};

/** `YYYY-MM-DD` of a day number. */
export const isoDay = (day) => ISO_OF_DAY[day - FIRST_DAY];

const two = (n) => (n < 10 ? `0${n}` : String(n));
const clock = (msOfDay) => {
  const seconds = Math.floor(msOfDay / 1000);
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
};
const wall = (ms) => {
  const day = Math.floor(ms / DAY_MS);
  return `${isoDay(day)}T${clock(ms - day * DAY_MS)}`;
};

/** ISO 8601 in UTC: `2026-07-01T13:00:00Z`. */
export const utcStamp = (ms) => `${wall(ms)}Z`;

const nyOffsetMs = (ms) => nyOffsetMinutes(ms) * 60_000;
const offsetText = (minutes) => `${minutes < 0 ? '-' : '+'}${two(Math.floor(Math.abs(minutes) / 60))}:${two(Math.abs(minutes) % 60)}`;

/** ISO 8601 with New York's offset of that day: `2026-07-01T09:00:00-04:00` (exact whatever the hour). */
export const nyStamp = (ms) => `${wall(ms + nyOffsetMs(ms))}${offsetText(nyOffsetMs(ms) / 60_000)}`;

/**
 * New York wall-clock time without an offset, read back in the configured zone. Ambiguous between
 * 01:00 and 03:00 on the days clocks change, so callers use it only from 04:00 on (see `nyHour`).
 */
export const nyWall = (ms) => wall(ms + nyOffsetMs(ms));

/** The hour of day in New York of an instant (0-23), to decide whether `nyWall` is safe. */
export const nyHour = (ms) => Math.floor((((ms + nyOffsetMs(ms)) % DAY_MS) + DAY_MS) % DAY_MS / HOUR_MS);

/** The Monday on or before a day (1970-01-01 was a Thursday). */
export const mondayOf = (day) => day - ((day + 3) % 7);
