// Which of a sentence's two forms a count takes. English and French both have a singular ("one") and a plural
// ("other") for whole numbers, but not for the same counts: English says "0 requests", French "0 requête".

/** The form `count` takes in `locale`: 'one' (1 in English; 0 and 1 in French) or 'other'. */
export function pluralForm(count: number, locale: string): 'one' | 'other' {
	let rules: Intl.PluralRules;
	try {
		rules = new Intl.PluralRules(locale);
	} catch {
		rules = new Intl.PluralRules('en'); // A display language Intl does not know.
	}
	return rules.select(count) === 'one' ? 'one' : 'other';
}
