/**
 * Values for property-based tests that favour the edges: NUL and other control characters, lone and
 * paired surrogates, combining marks, right-to-left text, lengths at each limit, huge strings, wrong
 * types, prototype-pollution keys, deep nesting (the fuzzers of the procedures and of Mastodon's API).
 */
import fc from 'fast-check';

/** One character from the edges of Unicode and of what a field allows. */
const edgeChar = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('a', 'Z', '0', ' ', '.', '@') },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      ...['\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\u009f', '\t', '\n', '\r'], // controls
      ...['\ud800', '\udbff', '\udc00', '\udfff', '😀', '👨‍👩‍👧', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '\ufffd'], // surrogates, lone and paired
      ...['\u0301', '\u0591', 'א', 'ب', '\u202e', '\u2066', '\u200f', '\u200b', '\u200d', '\ufeff', '\u3164'],
      ...['\u2028', '\u2029', '가', '\u1100', "'", '"', '\\', '`', '?', '%', ';'],
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }, // any code point
);

/** `n` code points of filler around an edge character: at, just under and just over each limit. */
const atLimit = fc
  .tuple(
    fc.constantFrom(1, 8, 49, 50, 51, 72, 73, 299, 300, 301, 2000, 2001),
    fc.constantFrom('x', '😀', '가'),
    edgeChar,
  )
  .map(([n, filler, edge]) => filler.repeat(Math.max(0, n - 1)) + edge);

export const text = fc.oneof(
  { weight: 5, arbitrary: fc.string({ unit: edgeChar, maxLength: 30 }) },
  { weight: 3, arbitrary: atLimit },
  { weight: 2, arbitrary: fc.constantFrom('password123', 'fuzz1@example.com', 'MQ', 'MTAw', 'NS41') }, // real values
  { weight: 1, arbitrary: fc.nat().map((n) => `new${n}@example.com`) }, // an email not yet taken
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 400 }) },
  { weight: 1, arbitrary: fc.nat({ max: 200_000 }).map((n) => 'x'.repeat(n)) },
);

export const number = fc.oneof(
  fc.integer({ min: 0, max: 20 }), // ids that exist
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, 4_294_967_295, 4_294_967_296),
);

/** Lists of numbers (ids): short ones, and lengths about a list limit of 100. */
export const numbers = fc.oneof(
  fc.array(number, { maxLength: 5 }),
  fc
    .integer({ min: 99, max: 101 })
    .chain((n) => fc.array(fc.integer({ min: 1, max: 20 }), { minLength: n, maxLength: n })),
);

const keys = ['__proto__', 'constructor', 'prototype', 'text', 'userId', 'cursor'];

export const anything = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, text, number, fc.boolean(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string()), tie('value'), { maxKeys: 6 }),
})).value;
