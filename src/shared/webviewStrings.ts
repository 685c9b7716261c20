// English text of every string the chart webview shows, built into the webview's script only. The host sends
// the extension's loaded translations (`vscode.l10n.bundle`, French in l10n/bundle.l10n.fr.json) in the `init`
// message and the webview looks each string up there by its English text (`localizeWebviewStrings`).
// Placeholders are {0}, {1}… and are filled in by the webview (`fillPlaceholders`).
export const WEBVIEW_STRINGS = {
	loading: 'Loading…',
	// A toggle button (pressed while the table is shown instead of the chart).
	showTable: 'Table',
	copyCsv: 'Copy as CSV',
	exportJson: 'Export to JSON',
	exportCsv: 'Export to CSV',
	copyMarkdown: 'Copy as Markdown',
	savePng: 'Save as PNG',
	saveQuery: 'Save Query',
	run: 'Run',
	cancel: 'Cancel',
	allApps: 'All apps',
	// The heading of the panel, one per KPI metric.
	metricDau: 'Daily active users',
	metricMau: 'Monthly active users',
	metricNewUsers: 'New users',
	metricUninstalls: 'Uninstalls',
	metricStickiness: 'Stickiness',
	// Stickiness cards: the range's figure as the Braze dashboard's Home page defines it, and the formulas in tooltips.
	stickinessRange: 'Stickiness of the range',
	stickinessRangeDetail: 'average DAU ÷ average MAU',
	stickinessFormula: 'Stickiness = the range\'s average DAU ÷ its average MAU, over the complete days that have both (as the Braze dashboard\'s Home page defines it). Each day on the chart is that day\'s DAU ÷ MAU.',
	stickinessChangeFormula: 'Change = (this range − the previous range) ÷ the previous range, each range\'s stickiness as above. The Braze dashboard\'s Home page prints this change with the opposite sign.',
	// Table columns of a stickiness chart: the two series the ratio is made from.
	dauColumn: 'DAU',
	mauColumn: 'MAU',
	// A stickiness comparison's table column: one app's DAU or MAU. {0}: "DAU" or "MAU"; {1}: the app.
	appSourceColumn: '{0} ({1})',
	// {0}: an app's API identifier.
	appLabel: 'App {0}',
	// {0}, {1}: first and last day, already formatted.
	dateRange: '{0} – {1}',
	// {0}: instance label such as "US-01"; {1}: its REST host.
	instanceWithHost: '{0} ({1})',
	// {0}: a connection's name (a Braze workspace, e.g. "Production"); {1}: its instance, e.g. "US-03 (rest.iad-03.braze.com)".
	connectionOnInstance: 'Connection {0} on {1}',
	// {0}: an exported file's name; {1}: the connection (or instance) it names, as a label only.
	fromFile: 'From file {0}, exported from {1}',
	summaryLabel: 'Summary',
	latestComplete: 'Latest complete day',
	average: 'Average',
	minimum: 'Minimum',
	maximum: 'Maximum',
	change: 'Change',
	changeDetailOne: 'vs. the previous day',
	// {0}: number of days in each period.
	changeDetailMany: 'vs. the previous {0} days',
	// The change card's value when there is no change to show; the card's detail says why.
	changeUnavailable: 'Not shown',
	// {0}: days in the previous period; {1}: the requests it would take.
	changeNeedsRequests: 'Needs the previous {0} days, {1} more requests to Braze, not sent to spare the hourly quota.',
	// {0}: days in the previous period.
	changeFetchFailed: 'The previous {0} days could not be fetched. Fetch Again to retry.',
	changeNotInFile: 'The file holds only the range shown. Fetch Again to compare.',
	changeNoData: 'One of the two periods has no data to compare.',
	// {0}: days in the previous period.
	changeNotFetched: 'The previous {0} days were not fetched with this chart. Fetch Again to include them.',
	noData: 'No data',
	// {0}: the provisional day, formatted.
	provisionalNote: '{0} is still in progress: drawn dashed and left out of the summary.',
	// {0}: the first day with data, formatted.
	firstDataNoteOne: 'The first day of the range has no data: the data starts on {0}.',
	// {0}: the first day with data, formatted; {1}: the number of days before it.
	firstDataNoteMany: 'The first {1} days of the range have no data: the data starts on {0}.',
	gapNoteOne: 'One day has no data and is shown as a gap.',
	// {0}: number of days without data.
	gapNoteMany: '{0} days have no data and are shown as gaps.',
	// Spoken description of the chart. {0}: metric; {1}, {2}: first and last day; {3}–{5}: average, minimum, maximum.
	chartLabel: '{0} from {1} to {2}. Average {3}, minimum {4}, maximum {5}.',
	// {0}: metric; {1}, {2}: first and last day.
	chartLabelEmpty: '{0} from {1} to {2}: no data.',
	// {0}: metric; {1}, {2}: first and last day.
	tableCaption: '{0} by day, {1} to {2}',
	dateColumn: 'Date',
	// The first column of the comparison summary: which app each row is about.
	seriesColumn: 'Series',
	// Marks the day that is still in progress, in the table.
	provisional: 'in progress',
	// Tooltip title of the day still in progress. {0}: the day, formatted.
	tooltipProvisional: '{0} (in progress)',
	// Tooltip line. {0}: metric; {1}: the day's value, formatted (or "No data").
	tooltipValue: '{0}: {1}',
	queryLabel: 'Query',
	actionsLabel: 'Actions',
	lengthLabel: 'Days',
	// The range control: a preset (the names below, capitalized by the webview) or Custom (days and end).
	rangeLabel: 'Range',
	rangeCustom: 'Custom',
	presetLast7Days: 'last 7 days',
	presetLast14Days: 'last 14 days',
	presetLast30Days: 'last 30 days',
	presetLast90Days: 'last 90 days',
	presetLast365Days: 'last 365 days',
	presetMonthToDate: 'month to date',
	presetLastMonth: 'last month',
	presetQuarterToDate: 'quarter to date',
	presetYearToDate: 'year to date',
	// A preset with the days it covers. {0}: the preset's name, e.g. "Last month"; {1}: its days, e.g. "Nov 1, 2026 – Nov 30, 2026".
	presetWithDates: '{0} ({1})',
	endLabel: 'Ending',
	endYesterday: 'Yesterday',
	endToday: 'Today',
	endDate: 'On a date',
	dateLabel: 'Date',
	appIdLabel: 'App ID',
	// {0}: the largest number of days allowed.
	lengthInvalid: 'Enter a whole number of days from 1 to {0}.',
	dateInvalid: 'Enter a date as YYYY-MM-DD.',
	dateInFuture: 'The series cannot end in the future.',
	appIdInvalid: 'Enter an app ID without spaces, or leave it empty for all apps.',
	// {0}: date and time of the fetch.
	fetchedAt: 'Fetched {0}',
	// {0}: when the oldest cached day shown was fetched. Braze could not be reached.
	offlineCached: 'Offline: Braze could not be reached, so these are cached days, the oldest fetched {0}.',
	// {0}: when the oldest cached day shown was fetched. Shown while the rest is fetched.
	cachedPending: 'Cached days, the oldest fetched {0}; asking Braze for the newer ones…',
	// {0}: days taken from the day cache; {1}: when the oldest of them was fetched; {2}: requests sent for the rest.
	fromCache: '{0} days from the cache (the oldest fetched {1}); requests sent for the rest: {2}',
	// {0}: requests left; {1}: the limit.
	rateLimit: 'API rate limit: {0} of {1} requests left',
	noResult: 'No data yet. Choose the days and select Run.',
	// Announced to screen readers when a fetch finished. {0}: number of days shown.
	loadedDays: 'Loaded {0} days.',
	loadedOneDay: 'Loaded one day.',
	// The overview panel (Braze: Show Overview): Home's figures as cards, and a chart per figure behind tabs.
	overviewTitle: 'Overview',
	figuresLabel: 'Figures',
	refresh: 'Refresh',
	overviewEmpty: 'No figures yet: select Refresh.',
	// Chart options above the chart.
	chartOptionsLabel: 'Chart options',
	startAtZero: 'Start at zero',
	previousPeriod: 'Previous period',
	// Legend entry of the dashed previous-period line. {0}: the series it belongs to.
	previousPeriodLine: '{0}, previous period',
	legendLabel: 'Legend',
	// Opens a picker of apps to draw next to this one, and of a period overlay.
	compare: 'Compare…',
	// Two apps of a comparison, e.g. "iOS vs Android" (applied again for more). {0}, {1}: the apps.
	appsJoined: '{0} vs {1}',
	// Tooltip of an app shown by its name (braze.apps). {0}: the app's API identifier.
	appIdTooltip: 'App identifier: {0}',
	// Legend entry of the dashed line of the same days a year before. {0}: the series it belongs to.
	yearBeforeLine: '{0}, a year before',
	// Shown in place of a result the panel could not read (it came from the extension but failed its checks).
	messageUnreadable: 'This panel could not show what the extension sent. Select Fetch Again (Ignore Cache) in the editor title or run the query again; if it happens again, report it with the Braze log (Output › Braze).',
	// The header's apps with the comparison's period overlay, worded as the panel's tab. {0}: the apps ("iOS vs Android").
	appsWithPreviousPeriod: '{0}, with the previous period',
	appsWithYearBefore: '{0}, with the year before',
} as const;

export type WebviewStringKey = keyof typeof WEBVIEW_STRINGS;
export type WebviewStrings = { readonly [K in WebviewStringKey]: string };

/** Loaded translations, English → translated: the shape of `vscode.l10n.bundle`. */
export type L10nBundle = Readonly<Record<string, string>>;

/** Every string as `bundle` translates it, else in English (a string it lacks; there is no bundle in English). */
export function localizeWebviewStrings(bundle: L10nBundle | null): WebviewStrings {
	const entries = Object.entries(WEBVIEW_STRINGS).map(([key, english]) => [key, bundle && Object.hasOwn(bundle, english) ? bundle[english] : english]);
	return Object.fromEntries(entries) as WebviewStrings;
}

/** Replaces `{n}` with `values[n]`; a placeholder without a value stays as written. Values are inserted verbatim. */
export function fillPlaceholders(template: string, ...values: readonly string[]): string {
	return template.replace(/\{(\d+)\}/g, (match, index: string) => values[Number(index)] ?? match);
}

/** The distinct placeholder numbers a string uses, ascending (e.g. [0, 1] for '{1} of {0}'). */
export function placeholderIndexes(template: string): number[] {
	const found = new Set<number>();
	for (const match of template.matchAll(/\{(\d+)\}/g)) found.add(Number(match[1]));
	return [...found].sort((a, b) => a - b);
}
