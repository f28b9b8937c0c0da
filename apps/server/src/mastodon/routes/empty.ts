/**
 * What Mastodon's apps ask for at start-up and Miniter does not have (lists, filters, notifications,
 * …): an empty answer, not a 404 that would stop them. Those that are a user's own need a session,
 * as in Mastodon.
 */
import type { Router } from 'express';
import type { Calls } from '../calls.ts';

const empty = {
  signedIn: {
    '/api/v1/lists': [],
    '/api/v1/filters': [],
    '/api/v2/filters': [],
    '/api/v1/announcements': [],
    '/api/v1/follow_requests': [],
    '/api/v1/notifications': [],
    '/api/v1/bookmarks': [],
    '/api/v1/favourites': [],
    '/api/v1/blocks': [],
    '/api/v1/mutes': [],
    '/api/v1/domain_blocks': [],
    '/api/v1/conversations': [],
    '/api/v1/followed_tags': [],
    '/api/v1/scheduled_statuses': [],
    '/api/v1/markers': {},
    '/api/v1/preferences': {
      'posting:default:visibility': 'public',
      'posting:default:sensitive': false,
      'posting:default:language': null,
      'reading:expand:media': 'default',
      'reading:expand:spoilers': false,
    },
  },
  public: {
    '/api/v1/custom_emojis': [],
    '/api/v1/trends': [],
    '/api/v1/trends/tags': [],
    '/api/v1/trends/statuses': [],
    '/api/v1/trends/links': [],
    '/api/v1/instance/rules': [],
    '/api/v1/instance/peers': [],
  },
};

export function emptyRoutes(router: Router, call: Calls) {
  for (const [path, answer] of Object.entries(empty.signedIn)) {
    router.get(
      path,
      ...call(async ({ caller }) => {
        await caller.user.me();
        return answer;
      }),
    );
  }
  for (const [path, answer] of Object.entries(empty.public)) router.get(path, ...call(async () => answer));
}
