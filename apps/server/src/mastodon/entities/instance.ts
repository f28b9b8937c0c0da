/**
 * Mastodon's Instance (`/api/v2/instance`) and its older shape (`/api/v1/instance`): what a client
 * reads at start-up to learn the server's limits. The one limit Miniter has a Mastodon name for,
 * a status's length, is the tweet schema's own constant.
 */
import { tweetMaxLength } from '@miniter/api/text-fields';
import type { Account } from './account.ts';

/** The Mastodon version whose API this follows, for clients that gate features on it. */
export const compatibleVersion = '4.3.0 (compatible; Miniter)';
const title = 'Miniter';
const description = 'A small Twitter-like server';

export interface InstanceFacts {
  origin: string;
  /** The host clients reach, with its port: Mastodon's domain. */
  host: string;
  contact: Account | null;
  /** How many accounts and tweets there are (`instance.stats`). */
  stats: { users: number; tweets: number };
}

const streamingUrl = (origin: string) => origin.replace(/^http/, 'ws');

const statuses = { max_characters: tweetMaxLength, max_media_attachments: 0, characters_reserved_per_url: 23 };
const polls = { max_options: 0, max_characters_per_option: 0, min_expiration: 0, max_expiration: 0 };
const mediaAttachments = {
  supported_mime_types: [],
  image_size_limit: 0,
  image_matrix_limit: 0,
  video_size_limit: 0,
  video_frame_rate_limit: 0,
  video_matrix_limit: 0,
};

export function instanceV2({ origin, host, contact }: InstanceFacts) {
  return {
    domain: host,
    title,
    version: compatibleVersion,
    // Miniter has no public repository address of its own yet: the server's own page.
    source_url: `${origin}/`,
    description,
    usage: { users: { active_month: 0 } },
    thumbnail: { url: `${origin}/headers/original/missing.png` },
    icon: [],
    languages: ['en', 'ko'],
    configuration: {
      urls: {
        streaming: streamingUrl(origin),
        status: null,
        about: null,
        privacy_policy: null,
        terms_of_service: null,
      },
      vapid: { public_key: '' },
      accounts: { max_featured_tags: 0, max_pinned_statuses: 0, max_profile_fields: 0 },
      statuses,
      media_attachments: { ...mediaAttachments, description_limit: 0 },
      polls,
      translation: { enabled: false },
      timelines_access: {
        live_feeds: { local: 'public', remote: 'disabled' },
        hashtag_feeds: { local: 'disabled', remote: 'disabled' },
        trending_link_feeds: { local: 'disabled', remote: 'disabled' },
      },
      limited_federation: true,
    },
    registrations: {
      enabled: true,
      approval_required: false,
      reason_required: false,
      message: null,
      min_age: null,
      url: null,
    },
    api_versions: { mastodon: 2 },
    contact: { email: '', account: contact },
    rules: [],
  };
}

export function instanceV1({ origin, host, contact, stats }: InstanceFacts) {
  return {
    uri: host,
    title,
    short_description: description,
    description,
    email: '',
    version: compatibleVersion,
    urls: { streaming_api: streamingUrl(origin) },
    stats: { user_count: stats.users, status_count: stats.tweets, domain_count: 1 },
    thumbnail: `${origin}/headers/original/missing.png`,
    languages: ['en', 'ko'],
    registrations: true,
    approval_required: false,
    invites_enabled: false,
    configuration: { accounts: { max_featured_tags: 0 }, statuses, media_attachments: mediaAttachments, polls },
    contact_account: contact,
    rules: [],
  };
}
