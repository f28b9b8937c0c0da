/**
 * Handles for seeded users, picked as people pick them: from their names in a few common styles
 * (janedoe, Jane_Doe, jdoe, minji97, kimminji), sometimes a nickname (quiet_otter); Korean names
 * romanized as Koreans write them in Latin letters. Valid by the handle rule, never reserved, and
 * unique case-insensitively, with digits added as people do when theirs is taken.
 */
import type { Faker } from '@faker-js/faker';
import { isReservedUsername, usernameKey, usernameMaxLength, usernamePattern } from '../handles.ts';
import { type Random, randomInt } from './random.ts';

/** A person's given and family names, in Latin letters. */
export interface LatinName {
  first: string;
  last: string;
}

/** Revised Romanization, syllable by syllable: initials, medials, and finals as they sound at the end. */
const initials = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const medials = 'a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i'.split(' ');
const finals = ' k k k n n n t l k m l l l p l m p p t t ng t t k t p t'.split(' ');

/** Family names as their holders spell them (passports, handles), where that is not the romanization. */
const familySpellings: Record<string, string> = {
  김: 'kim',
  이: 'lee',
  박: 'park',
  최: 'choi',
  정: 'jung',
  강: 'kang',
  조: 'cho',
  윤: 'yoon',
  임: 'lim',
  오: 'oh',
  신: 'shin',
  권: 'kwon',
  안: 'ahn',
  유: 'yoo',
  고: 'ko',
  문: 'moon',
  노: 'noh',
  심: 'shim',
  곽: 'kwak',
  성: 'sung',
  주: 'joo',
  우: 'woo',
  구: 'koo',
  엄: 'um',
  천: 'chun',
  현: 'hyun',
  변: 'byun',
  명: 'myung',
  기: 'ki',
  금: 'keum',
};

/** Hangul in Latin letters; other letters and digits kept (accents dropped), the rest left out. */
export function romanize(text: string, family = false): string {
  if (family && familySpellings[text]) return familySpellings[text];
  return text
    .replace(/[\uac00-\ud7a3]/g, (syllable) => {
      const offset = (syllable.codePointAt(0) as number) - 0xac00;
      return `${initials[Math.floor(offset / 588)]}${medials[Math.floor(offset / 28) % 21]}${finals[offset % 28]}`;
    })
    .normalize('NFD')
    .replace(/[^A-Za-z0-9]/g, '');
}

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
/** A birth year as people put it in handles: 85, 1997, 03. */
const year = (random: Random) => {
  const born = 1970 + randomInt(random, 38);
  return random() < 0.5 ? String(born) : String(born % 100).padStart(2, '0');
};

type Style = (name: LatinName, random: Random, faker: Faker) => string;

/** Handle styles, each as likely as the others; the name's parts are already lower case. */
const styles: Style[] = [
  ({ first, last }) => first + last,
  ({ first, last }) => `${first}_${last}`,
  ({ first, last }) => capitalized(first) + capitalized(last),
  ({ first, last }) => `${capitalized(first)}_${capitalized(last)}`,
  ({ first, last }) => first.charAt(0) + last,
  ({ first, last }) => last + first,
  ({ first }, random) => first + year(random),
  ({ first, last }, random) => `${first}_${last}${randomInt(random, 100)}`,
  ({ first }) => `the${capitalized(first)}`,
  (_, random, faker) =>
    `${faker.word.adjective()}_${faker.animal.type()}${random() < 0.5 ? randomInt(random, 1000) : ''}`,
];

/**
 * Makes handles one after another, each unique (case-insensitively) among those made before and
 * those `reserve`d: the same calls in the same order give the same handles.
 */
export function handleMaker(random: Random, faker: Faker) {
  const taken = new Set<string>();
  const free = (handle: string) =>
    usernamePattern.test(handle) && !isReservedUsername(handle) && !taken.has(usernameKey(handle));
  const claim = (handle: string) => {
    taken.add(usernameKey(handle));
    return handle;
  };
  return {
    /** Claims a fixed handle (the known accounts'). */
    reserve: (handle: string) => {
      if (!free(handle)) throw new Error(`the seed's handle ${handle} is not free`);
      return claim(handle);
    },
    /** A handle for someone called `name`. */
    next(name: LatinName): string {
      const lower = { first: name.first.toLowerCase(), last: name.last.toLowerCase() };
      const style = styles[randomInt(random, styles.length)] as Style;
      const base = style(lower, random, faker)
        .replace(/[^A-Za-z0-9_]/g, '')
        .slice(0, usernameMaxLength);
      if (free(base)) return claim(base);
      // Taken: digits, as people add them, longer the more often the plain ones are taken.
      for (let digits = 2; ; digits++) {
        for (let attempt = 0; attempt < 5; attempt++) {
          const suffix = String(randomInt(random, 10 ** digits)).padStart(digits, '0');
          const handle = base.slice(0, usernameMaxLength - suffix.length) + suffix;
          if (free(handle)) return claim(handle);
        }
      }
    },
  };
}
