// The refresh window: how many recent days are fetched again even when cached.

/** The default of `braze.cache.refreshDays`. */
export const DEFAULT_REFRESH_DAYS = 3;

/** A usable refresh window from a setting that may have been hand-edited: a whole number ≥ 0, else the default. */
export function normaliseRefreshDays(value: unknown): number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : DEFAULT_REFRESH_DAYS;
}
