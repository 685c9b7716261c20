// The sandbox's synthetic KPI data: a pure, deterministic function of (workspace, metric, app, date). No
// clock, no Math.random: the same question always gets the same number, so tests can recompute what was served.
import type { KpiMetric } from '../src/shared/kpi';
import { addDays, toDayNumber } from '../src/shared/dates';

/** A workspace of the sandbox, chosen by the key (sandbox/keys.ts). Both have the same apps. */
export type SandboxWorkspace = 'prod' | 'dev';

export const SANDBOX_WORKSPACES: readonly SandboxWorkspace[] = ['prod', 'dev'];

/** The dev workspace serves prod's value divided by this, rounded to the nearest integer (halves up). */
export const DEV_WORKSPACE_DIVISOR = 10;

export interface SandboxApp {
	readonly id: string;
	readonly name: string;
	/** YYYY-MM-DD: before this day the app has no data rows. */
	readonly firstDay: string;
}

/** How one app's numbers move; private to the generator. */
interface AppProfile {
	readonly app: SandboxApp;
	/** DAU on REFERENCE_DAY, before seasonality and noise. */
	readonly dauAtReference: number;
	/** Yearly growth factor (1.18 = +18 % a year). */
	readonly annualGrowth: number;
	/** Multipliers by weekday, Sunday first. */
	readonly weekly: readonly [number, number, number, number, number, number, number];
	/** MAU as a multiple of the DAU level. */
	readonly mauRatio: number;
	/** Share of DAU that are first sessions, once the app is mature. */
	readonly newUserRate: number;
	/** Uninstalls as a share of DAU (0 for web: there is nothing to uninstall). */
	readonly uninstallRate: number;
}

const PROFILES: readonly AppProfile[] = [
	{
		app: { id: '4f1c9a2e-7b3d-4e8a-9c61-2d5b8e0f3a17', name: 'Sandbox Shop (iOS)', firstDay: '2016-03-07' },
		dauAtReference: 48_000,
		annualGrowth: 1.18,
		weekly: [0.78, 1.0, 1.03, 1.04, 1.02, 0.97, 0.8],
		mauRatio: 3.4,
		newUserRate: 0.035,
		uninstallRate: 0.009,
	},
	{
		app: { id: 'a83e0d56-1f4b-4c9e-b2a7-6e9d3c1f8b04', name: 'Sandbox Shop (Android)', firstDay: '2017-05-22' },
		dauAtReference: 61_000,
		annualGrowth: 1.12,
		weekly: [0.84, 1.0, 1.02, 1.03, 1.01, 0.98, 0.86],
		mauRatio: 3.1,
		newUserRate: 0.042,
		uninstallRate: 0.014,
	},
	{
		// Started recently, so long series for all apps or for this app begin with missing days.
		app: { id: 'd2b7f4c8-5a19-4e63-8f0d-9c4a1e6b3d52', name: 'Sandbox Arcade (Web)', firstDay: '2026-09-14' },
		dauAtReference: 12_500,
		annualGrowth: 1.4,
		weekly: [1.28, 0.92, 0.9, 0.91, 0.94, 1.05, 1.32],
		mauRatio: 4.2,
		newUserRate: 0.06,
		uninstallRate: 0,
	},
];

/** The apps of every sandbox workspace: iOS (from 2016) and Android (from 2017) with years of history, and a web app that started on 2026-09-14. */
export const SANDBOX_APPS: readonly SandboxApp[] = PROFILES.map((p) => p.app);

const REFERENCE_DAY = toDayNumber('2026-01-01');
// Growth is clamped so that far-away dates still give finite, plausible integers.
const MIN_YEARS = -20;
const MAX_YEARS = 40;

/**
 * The value the sandbox serves for `metric` on `date` (YYYY-MM-DD), or null when there is no row that
 * day (before the app's first day, or an unknown app id). `appId` null means all apps: the plain sum of
 * the apps that have a row that day (MAU included, so it is not de-duplicated across apps).
 * The dev workspace serves `Math.round(prod / 10)` of the same question (all apps included: rounded after
 * the sum), so it has rows on the same days. Throws a RangeError when `date` is not a calendar date.
 */
export function sandboxValue(metric: KpiMetric, appId: string | null, date: string, workspace: SandboxWorkspace = 'prod'): number | null {
	const prod = prodValue(metric, appId, date);
	return prod === null || workspace === 'prod' ? prod : Math.round(prod / DEV_WORKSPACE_DIVISOR);
}

/** The `length` days ending on `endDate`, ascending, without the days that have no row. */
export function sandboxSeries(metric: KpiMetric, appId: string | null, endDate: string, length: number, workspace: SandboxWorkspace = 'prod'): { time: string; value: number }[] {
	const rows: { time: string; value: number }[] = [];
	for (let offset = length - 1; offset >= 0; offset--) {
		const time = addDays(endDate, -offset);
		const value = sandboxValue(metric, appId, time, workspace);
		if (value !== null) rows.push({ time, value });
	}
	return rows;
}

function prodValue(metric: KpiMetric, appId: string | null, date: string): number | null {
	const day = toDayNumber(date);
	if (appId !== null) {
		const profile = PROFILES.find((p) => p.app.id === appId);
		return profile ? appValue(profile, metric, day, date) : null;
	}
	let total: number | null = null;
	for (const profile of PROFILES) {
		const value = appValue(profile, metric, day, date);
		if (value !== null) total = (total ?? 0) + value;
	}
	return total;
}

function appValue(profile: AppProfile, metric: KpiMetric, day: number, date: string): number | null {
	const age = day - toDayNumber(profile.app.firstDay);
	if (age < 0) return null;
	const level = dauLevel(profile, day, age);
	const dau = Math.round(level * profile.weekly[weekday(day)] * (1 + 0.05 * noise(profile.app.id, 'dau', date)));
	switch (metric) {
		case 'dau':
			return dau;
		case 'mau': {
			// A rolling 30-day count: it builds up over an app's first month and never drops below that day's DAU.
			const buildUp = Math.min(1, (age + 1) / 30);
			const mau = Math.round(level * profile.mauRatio * buildUp * (1 + 0.01 * noise(profile.app.id, 'mau', date)));
			return Math.max(dau, mau);
		}
		case 'new_users': {
			// In an app's first days most active users are new.
			const rate = Math.min(1, profile.newUserRate + 0.9 * Math.exp(-age / 7));
			return Math.min(dau, Math.round(dau * rate * (1 + 0.15 * noise(profile.app.id, 'new_users', date))));
		}
		case 'uninstalls':
			return Math.round(dau * profile.uninstallRate * (1 + 0.3 * noise(profile.app.id, 'uninstalls', date)));
	}
}

/** The DAU trend of an app on `day`: growth over the years times a ramp-up over its first weeks. */
function dauLevel(profile: AppProfile, day: number, age: number): number {
	const years = Math.min(MAX_YEARS, Math.max(MIN_YEARS, (day - REFERENCE_DAY) / 365));
	const rampUp = 1 - 0.9 * Math.exp(-age / 20);
	return profile.dauAtReference * Math.pow(profile.annualGrowth, years) * rampUp;
}

/** 0 = Sunday … 6 = Saturday (day 0, 1970-01-01, was a Thursday). */
function weekday(day: number): number {
	return (((day + 4) % 7) + 7) % 7;
}

/** Deterministic pseudo-noise in [-1, 1) from a hash of (app, metric, date). */
function noise(appId: string, metric: KpiMetric, date: string): number {
	return (hash32(`${appId}|${metric}|${date}`) / 0x1_0000_0000) * 2 - 1;
}

/** FNV-1a followed by murmur3's finalizer, so that neighbouring dates give unrelated values. */
export function hash32(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}
