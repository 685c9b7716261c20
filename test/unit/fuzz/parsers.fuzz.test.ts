// Property-based tests of every parser of untrusted input (issue 12, B): whatever arrives, a parser returns a value
// that satisfies its type's invariants, refuses it, or throws its own typed error, and nothing else.
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assertProperty, fuzzLine, fuzzParameters } from './fuzzConfig';
import { FUZZ_PARSERS, REFUSED } from './parsers';

describe('parsers under fuzz', () => {
	for (const parser of FUZZ_PARSERS) {
		it(`${parser.name}: only its typed error, and what it accepts keeps the invariants`, (t) => {
			t.diagnostic(fuzzLine(parser.scale));
			assertProperty(
				fc.property(parser.inputs, (input) => {
					let accepted: unknown;
					try {
						accepted = parser.parse(input);
					} catch (error) {
						if (parser.typedError?.(error)) return;
						throw new Error(`${parser.name} threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, { cause: error });
					}
					if (accepted !== REFUSED) (parser.invariant as (value: unknown) => void)(accepted);
				}),
				fuzzParameters(parser.scale),
			);
		});
	}
});
