// Plain calendar-date arithmetic on `YYYY-MM-DD` labels. Dates never pass through a time zone.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (2023-02-29 is not). */
export function isPlainDate(value: string): boolean {
	const match = DATE_RE.exec(value);
	if (!match) return false;
	const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const probe = new Date(Date.UTC(y, m - 1, d));
	return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/** Days since 1970-01-01 for a `YYYY-MM-DD` label; throws on an invalid date. */
export function toDayNumber(date: string): number {
	if (!isPlainDate(date)) throw new RangeError(`Not a calendar date: ${JSON.stringify(date)}`);
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/** The `YYYY-MM-DD` label of a day number (see `toDayNumber`). */
export function fromDayNumber(day: number): string {
	return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `date` shifted by `days` (negative goes back). */
export function addDays(date: string, days: number): string {
	return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
	return toDayNumber(to) - toDayNumber(from);
}

/** The calendar date of `instant` on the local wall clock of the machine. */
export function localDateOf(instant: Date): string {
	const y = instant.getFullYear();
	const m = String(instant.getMonth() + 1).padStart(2, '0');
	const d = String(instant.getDate()).padStart(2, '0');
	return `${String(y).padStart(4, '0')}-${m}-${d}`;
}

/**
 * Today as Braze counts days. Braze does not document the time zone of its days (company zone or UTC?):
 * assumed UTC, here only, so that "today", "yesterday", the provisional day and the newest allowed end agree.
 */
export function brazeToday(now: Date): string {
	return now.toISOString().slice(0, 10);
}
