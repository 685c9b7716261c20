// The braze.apps setting: bad entries left out with a sentence, never rewritten; names per connection win.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { englishL10n } from '../../../src/shared/l10n';
import { AppDirectory, readAppsSetting, resolveAppReference } from '../../../src/apps/appDirectory';
import { resolveAppArguments } from '../../../src/apps/appArguments';

describe('readAppsSetting', () => {
	it('reads names, identifiers and connections, trimming names', () => {
		const reading = readAppsSetting([{ name: ' iOS ', appId: 'ios-id' }, { name: 'Android', appId: 'android-id', connection: 'Production' }], englishL10n);
		assert.deepEqual(reading, { entries: [{ name: 'iOS', appId: 'ios-id' }, { name: 'Android', appId: 'android-id', connection: 'Production' }], problems: [] });
	});

	it('reads nothing from an absent setting, and says so when it is not a list', () => {
		assert.deepEqual(readAppsSetting(undefined, englishL10n), { entries: [], problems: [] });
		const reading = readAppsSetting({ name: 'iOS' }, englishL10n);
		assert.equal(reading.entries.length, 0);
		assert.match(reading.problems[0] ?? '', /^braze\.apps must be a list of apps, not \{"name":"iOS"\}\.$/);
	});

	it('leaves out invalid, duplicate and repeated entries, each with a full sentence naming the entry', () => {
		const value = [
			{ name: 'iOS', appId: 'ios-id' },
			{ name: 'ios', appId: 'other-id' },
			{ name: 'iPhone', appId: 'ios-id' },
			{ name: 'Web', appId: 'has space' },
			{ appId: 'x' },
			'iOS',
			{ name: 'Web', appId: 'web-id', connection: 42 },
			// The same name on one connection is not a duplicate of the global one.
			{ name: 'iOS', appId: 'ios-dev', connection: 'Development' },
		];
		const original = JSON.stringify(value);
		const reading = readAppsSetting(value, englishL10n);
		assert.deepEqual(reading.entries.map((e) => e.appId), ['ios-id', 'ios-dev']);
		assert.deepEqual(reading.problems, [
			'Entry 2 of braze.apps is left out: an entry above is already named "ios".',
			'Entry 3 of braze.apps is left out: an entry above already names the app ios-id.',
			'Entry 4 of braze.apps is left out: appId must be an app identifier without spaces, not "has space".',
			'Entry 5 of braze.apps is left out: name is missing.',
			'Entry 6 of braze.apps is left out: it must be an object such as {"name": "iOS", "appId": "…"}, not "iOS".',
			'Entry 7 of braze.apps is left out: connection must be the name of a connection (1 to 60 characters), not 42.',
		]);
		assert.equal(JSON.stringify(value), original, 'the setting value is never changed');
	});
});

describe('AppDirectory', () => {
	const { entries } = readAppsSetting(
		[
			{ name: 'iOS', appId: 'ios-id' },
			{ name: 'Android', appId: 'android-id' },
			{ name: 'iOS (dev)', appId: 'ios-id', connection: 'development' },
			{ name: 'Android', appId: 'android-dev-id', connection: 'Development' },
		],
		englishL10n,
	);

	it('gives global names without a connection', () => {
		const directory = new AppDirectory(entries, undefined);
		assert.equal(directory.nameOf('ios-id'), 'iOS');
		assert.equal(directory.idOf('ANDROID'), 'android-id');
		assert.equal(directory.nameOf('unknown'), undefined);
	});

	it('lets a connection\'s own names win, for an identifier and for a name', () => {
		const directory = new AppDirectory(entries, 'Development');
		assert.equal(directory.nameOf('ios-id'), 'iOS (dev)');
		assert.equal(directory.idOf('Android'), 'android-dev-id');
		// The global Android entry's name is taken on this connection: its identifier has no name here.
		assert.equal(directory.nameOf('android-id'), undefined);
		assert.deepEqual(directory.list(), [{ name: 'iOS (dev)', appId: 'ios-id' }, { name: 'Android', appId: 'android-dev-id' }]);
	});

	it('names a result\'s apps that have a name', () => {
		assert.deepEqual(new AppDirectory(entries, undefined).namesFor(['ios-id', null, 'other']), { 'ios-id': 'iOS' });
	});

	it('resolves a reference by name first, else as an identifier; text with spaces that names nothing is refused', () => {
		const directory = new AppDirectory(readAppsSetting([{ name: 'Shop iOS', appId: 'ios-id' }, { name: 'android-id', appId: 'real-android' }], englishL10n).entries, undefined);
		assert.deepEqual(resolveAppReference('shop ios', directory), { ok: true, appId: 'ios-id' });
		assert.deepEqual(resolveAppReference('android-id', directory), { ok: true, appId: 'real-android' });
		assert.deepEqual(resolveAppReference('some-id', directory), { ok: true, appId: 'some-id' });
		assert.deepEqual(resolveAppReference('Shop Web', directory), { ok: false });
	});
});

describe('resolveAppArguments', () => {
	const directory = new AppDirectory(readAppsSetting([{ name: 'Shop iOS', appId: 'ios-id' }, { name: 'Shop Android', appId: 'android-id' }], englishL10n).entries, undefined);

	it('turns names into identifiers in appId and compare.apps, keeping null', () => {
		const resolved = resolveAppArguments({ length: 7, appId: 'Shop iOS', compare: { apps: ['shop android', null], period: 'year' } }, directory, englishL10n);
		assert.deepEqual(resolved, { ok: true, raw: { length: 7, appId: 'ios-id', compare: { apps: ['android-id', null], period: 'year' } } });
	});

	it('refuses an unknown app name with a sentence naming it', () => {
		const resolved = resolveAppArguments({ appId: 'ios-id', compare: { apps: ['Shop Web'] } }, directory, englishL10n);
		assert.deepEqual(resolved, { ok: false, problem: 'no app is named "Shop Web" in braze.apps, and it cannot be an app identifier because it has spaces' });
	});
});
