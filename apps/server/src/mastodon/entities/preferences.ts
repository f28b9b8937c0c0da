/**
 * Mastodon's Preferences: a user's posting and reading defaults. Miniter has none to choose, so
 * they are the defaults Mastodon's apps expect: public, not sensitive, media and spoilers as usual.
 */
import { z } from 'zod';
import { always, alwaysNull } from './common.ts';

export const preferencesSchema = z
  .object({
    'posting:default:visibility': always('public', 'every status is public'),
    'posting:default:sensitive': always(false, 'nothing is marked sensitive'),
    'posting:default:language': alwaysNull('no default language'),
    'reading:expand:media': always('default', 'no media yet'),
    'reading:expand:spoilers': always(false, 'no content warnings'),
  })
  .meta({ id: 'Preferences' });

export const preferences: z.infer<typeof preferencesSchema> = {
  'posting:default:visibility': 'public',
  'posting:default:sensitive': false,
  'posting:default:language': null,
  'reading:expand:media': 'default',
  'reading:expand:spoilers': false,
};
