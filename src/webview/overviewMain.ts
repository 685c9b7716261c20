// The overview mode of the webview bundle: checks the overview's messages, drives its view, keeps its state for a reload.
import { isPlainDate } from '../shared/dates';
import { isRecord } from '../shared/guards';
import type { OpaqueOverviewState, OverviewModel } from '../shared/overviewProtocol';
import { localizeWebviewStrings } from '../shared/webviewStrings';
import { webviewTranslations } from './hostMessage';
import { createOverviewView } from './overviewView';
import type { OverviewView } from './overviewView';
import type { PanelHostApi } from './vscodeApi';

let view: OverviewView | null = null;

/** Handles `raw` when it is an overview message (true), else leaves it to the chart panel (false). */
export function routeOverviewMessage(raw: unknown, root: HTMLElement, host: PanelHostApi): boolean {
	if (!isRecord(raw) || typeof raw.type !== 'string' || !raw.type.startsWith('overview')) return false;
	const model = parseModel(raw.model);
	if (raw.type === 'overviewInit' && model && typeof raw.locale === 'string' && (raw.l10nBundle == null || isRecord(raw.l10nBundle))) {
		view?.dispose();
		const strings = localizeWebviewStrings(raw.l10nBundle ? webviewTranslations(raw.l10nBundle) : null);
		view = createOverviewView(root, strings, raw.locale, model, { refresh: () => host.postMessage({ type: 'overviewRefresh' }), cancel: () => host.postMessage({ type: 'cancel' }) });
	} else if (raw.type === 'overviewResult' && model) view?.show(model);
	else if (raw.type === 'overviewLoading') view?.showLoading();
	else if (raw.type === 'overviewStatus' && (raw.kind === 'error' || raw.kind === 'cancelled') && typeof raw.message === 'string') view?.showStatus(raw.kind, raw.message);
	// Kept as sent, unread: the host validates it when it restores the panel.
	if (model && isRecord(raw.state)) host.setState({ overview: raw.state.overview, result: raw.state.result } satisfies OpaqueOverviewState);
	return true;
}

/** The model when every field has its type; null otherwise. */
function parseModel(raw: unknown): OverviewModel | null {
	if (!isRecord(raw)) return null;
	const texts = (v: unknown): v is string[] => Array.isArray(v) && v.every((t) => typeof t === 'string');
	const text = (v: unknown): v is string => typeof v === 'string';
	const { facts, cards, charts, footer } = raw;
	if (!texts(facts) || !texts(footer) || !Array.isArray(cards) || !Array.isArray(charts)) return null;
	const cardOk = (c: unknown) => isRecord(c) && [c.key, c.label, c.value, c.detail, c.change, c.tooltip].every(text) && ['ok', 'denied', 'failed'].includes(c.status as string) && ['up', 'down', 'flat', 'none'].includes(c.trend as string);
	const chartOk = (c: unknown) =>
		isRecord(c) && text(c.key) && text(c.label) && typeof c.percent === 'boolean' && text(c.firstDate) && isPlainDate(c.firstDate) && Array.isArray(c.values) && c.values.every((v) => v === null || Number.isFinite(v)) && (c.provisionalDate === null || text(c.provisionalDate)) && (c.unavailable === null || text(c.unavailable));
	return cards.every(cardOk) && charts.every(chartOk) ? (raw as unknown as OverviewModel) : null;
}
