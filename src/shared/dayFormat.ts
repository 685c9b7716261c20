// Braze days (`YYYY-MM-DD`, UTC) as people read them, in a display language: "Dec 1, 2026", "Nov 1 – 30, 2026".
// No `vscode` and no DOM: the host's prompts use it; the webview has its own formatters.

function dayFormat(locale: string | undefined): Intl.DateTimeFormat {
	// UTC: a Braze day is a UTC calendar day, and a label must never shift by the machine's time zone.
	return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}

function instant(date: string): Date {
	return new Date(`${date}T00:00:00Z`);
}

/** One day: "Dec 1, 2026". */
export function formatDay(date: string, locale?: string): string {
	return dayFormat(locale).format(instant(date));
}

/** Days from `first` to `last`, the shared parts once: "Nov 1 – 30, 2026", "Dec 30, 2025 – Jan 5, 2026"; one day as `formatDay`. */
export function formatDayRange(first: string, last: string, locale?: string): string {
	return first === last ? formatDay(first, locale) : dayFormat(locale).formatRange(instant(first), instant(last));
}
