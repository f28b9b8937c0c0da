/**
 * Mastodon's Instance (`/api/v2/instance`) and its older shape (`/api/v1/instance`): what a client
 * reads at start-up to learn the server's limits. The one limit Miniter has a Mastodon name for,
 * a status's length, is the tweet schema's own constant.
 */
import { tweetMaxLength } from '@miniter/api/text-fields';
import { z } from 'zod';
import { type Account, accountSchema } from './account.ts';
import { always, none } from './common.ts';

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

const statusesSchema = z.object({
  max_characters: z.int().meta({ description: "A status's most characters (code points): the tweet limit" }),
  max_media_attachments: always(0, 'no media yet'),
  characters_reserved_per_url: z.int(),
});
const pollsSchema = z
  .object({
    max_options: z.int(),
    max_characters_per_option: z.int(),
    min_expiration: z.int(),
    max_expiration: z.int(),
  })
  .meta({ description: 'All 0: no polls' });
const mediaAttachmentsSchema = z
  .object({
    supported_mime_types: none('no media yet'),
    image_size_limit: z.int(),
    image_matrix_limit: z.int(),
    video_size_limit: z.int(),
    video_frame_rate_limit: z.int(),
    video_matrix_limit: z.int(),
  })
  .meta({ description: 'All 0: no media yet' });
const disabledFeed = z.object({ local: z.enum(['public', 'disabled']), remote: always('disabled', 'no federation') });

export const instanceV2Schema = z
  .object({
    domain: z.string().meta({ description: 'The host clients reach, with its port', example: 'miniter.example' }),
    title: z.string(),
    version: z.string().meta({ description: "The Mastodon version whose API this follows, with Miniter's mark" }),
    source_url: z.url(),
    description: z.string(),
    usage: z.object({ users: z.object({ active_month: z.int() }) }),
    thumbnail: z.object({ url: z.url() }),
    icon: none('no icons'),
    languages: z.array(z.string()),
    configuration: z.object({
      urls: z.object({
        streaming: z.url().meta({ description: 'Where the streaming API is: this server, as ws(s)://' }),
        status: z.null(),
        about: z.null(),
        privacy_policy: z.null(),
        terms_of_service: z.null(),
      }),
      vapid: z.object({ public_key: always('', 'no Web Push') }),
      accounts: z.object({ max_featured_tags: z.int(), max_pinned_statuses: z.int(), max_profile_fields: z.int() }),
      statuses: statusesSchema,
      media_attachments: mediaAttachmentsSchema.extend({ description_limit: z.int() }),
      polls: pollsSchema,
      translation: z.object({ enabled: always(false, 'no translation') }),
      timelines_access: z.object({
        live_feeds: disabledFeed,
        hashtag_feeds: disabledFeed,
        trending_link_feeds: disabledFeed,
      }),
      limited_federation: always(true, 'Miniter does not federate'),
    }),
    registrations: z.object({
      enabled: z.boolean(),
      approval_required: z.boolean(),
      reason_required: z.boolean(),
      message: z.null(),
      min_age: z.null(),
      url: z.null(),
    }),
    api_versions: z.object({ mastodon: z.int() }),
    contact: z.object({
      email: z.string(),
      account: accountSchema.nullable().meta({ description: 'The oldest of the first accounts: whoever set it up' }),
    }),
    rules: none('no server rules'),
  })
  .meta({ id: 'Instance' });

export const instanceV1Schema = z
  .object({
    uri: z.string().meta({ description: 'The host clients reach, with its port' }),
    title: z.string(),
    short_description: z.string(),
    description: z.string(),
    email: z.string(),
    version: z.string(),
    urls: z.object({ streaming_api: z.url() }),
    stats: z.object({
      user_count: z.int().nonnegative(),
      status_count: z.int().nonnegative(),
      domain_count: always(1, 'this server alone'),
    }),
    thumbnail: z.url(),
    languages: z.array(z.string()),
    registrations: z.boolean(),
    approval_required: z.boolean(),
    invites_enabled: z.boolean(),
    configuration: z.object({
      accounts: z.object({ max_featured_tags: z.int() }),
      statuses: statusesSchema,
      media_attachments: mediaAttachmentsSchema,
      polls: pollsSchema,
    }),
    contact_account: accountSchema.nullable(),
    rules: none('no server rules'),
  })
  .meta({ id: 'V1_Instance' });

const statuses: z.infer<typeof statusesSchema> = {
  max_characters: tweetMaxLength,
  max_media_attachments: 0,
  characters_reserved_per_url: 23,
};
const polls: z.infer<typeof pollsSchema> = {
  max_options: 0,
  max_characters_per_option: 0,
  min_expiration: 0,
  max_expiration: 0,
};
const mediaAttachments: z.infer<typeof mediaAttachmentsSchema> = {
  supported_mime_types: [],
  image_size_limit: 0,
  image_matrix_limit: 0,
  video_size_limit: 0,
  video_frame_rate_limit: 0,
  video_matrix_limit: 0,
};

export function instanceV2({ origin, host, contact }: InstanceFacts): z.infer<typeof instanceV2Schema> {
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

export function instanceV1({ origin, host, contact, stats }: InstanceFacts): z.infer<typeof instanceV1Schema> {
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
