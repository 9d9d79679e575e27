/** Validation of dates given by the user (`--reference-date`, JSONL `published`). */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Returns the date in the contract's form (`YYYY-MM-DD`, `YYYY-MM-DDThh:mm[:ss][±hh:mm]`), or null when the
 * string is not an ISO 8601 date or names a day that does not exist.
 */
export function normalizeIsoDate(value: string): string | null {
  const m = ISO_DATE.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, zone] = m;
  const day = new Date(Date.UTC(+y, +mo - 1, +d));
  if (day.getUTCFullYear() !== +y || day.getUTCMonth() !== +mo - 1 || day.getUTCDate() !== +d) return null;
  if (h === undefined) return `${y}-${mo}-${d}`;
  if (+h > 23 || +mi > 59 || (s !== undefined && +s > 59)) return null;
  const time = `${h}:${mi}${s !== undefined ? `:${s}` : ''}`;
  let offset = '';
  if (zone === 'Z') offset = '+00:00';
  else if (zone) offset = zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return `${y}-${mo}-${d}T${time}${offset}`;
}

/** The day part of an ISO date (`2024-11-29T08:35+02:00` -> `2024-11-29`). */
export function dayOf(value: string | null | undefined): string | null {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}
