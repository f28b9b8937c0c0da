export interface paths {
    "/api/v1/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register an application: its client id and secret */
        post: operations["postApiV1Apps"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/verify_credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The application a token belongs to (an application's own, or one a person granted it) */
        get: operations["getApiV1AppsVerifyCredentials"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign up, with an application's own token (`client_credentials`, `write:accounts`)
         * @description The new account's token, with the application's token's scopes.
         */
        post: operations["postApiV1Accounts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A token: for an authorization code (with its PKCE verifier), or the application's own
         * @description Form or JSON. Refusals are OAuth's (RFC 6749): `error` and `error_description`.
         */
        post: operations["postOauthToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a token the application holds (the same answer whether it existed) */
        post: operations["postOauthRevoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/oauth-authorization-server": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where and how to get a token (RFC 8414) */
        get: operations["getWellKnownOauthAuthorizationServer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/instance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The server: its limits, streaming address and contact */
        get: operations["getApiV2Instance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The server, in the older shape (with counts) */
        get: operations["getApiV1Instance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/nodeinfo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the NodeInfo document is */
        get: operations["getWellKnownNodeinfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodeinfo/2.0": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** NodeInfo 2.0: the software (upstream: Mastodon) and its counts */
        get: operations["getNodeinfo20"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/verify_credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your own account, with the source of its profile */
        get: operations["getApiV1AccountsVerifyCredentials"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your posting and reading defaults: Mastodon's, as Miniter has none to choose */
        get: operations["getApiV1Preferences"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An account by its handle */
        get: operations["getApiV1AccountsLookup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An account */
        get: operations["getApiV1AccountsId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/webfinger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A local account by `acct:handle@host` (WebFinger): its profile page */
        get: operations["getWellKnownWebfinger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/host-meta": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where WebFinger is (an XRD document) */
        get: operations["getWellKnownHostMeta"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/update_credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change your name, bio or picture
         * @description Answers your account as it now is; a refusal changes nothing.
         */
        patch: operations["patchApiV1AccountsUpdateCredentials"];
        trace?: never;
    };
    "/api/v1/accounts/relationships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether you follow each account, and it you (accounts that do not exist are left out) */
        get: operations["getApiV1AccountsRelationships"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}/followers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who follows an account
         * @description Most recent follow first, paged by the follows (the `Link` header has their ids).
         */
        get: operations["getApiV1AccountsIdFollowers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}/following": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whom an account follows
         * @description Most recent follow first, paged by the follows (the `Link` header has their ids).
         */
        get: operations["getApiV1AccountsIdFollowing"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}/follow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Follow an account (again: no change) */
        post: operations["postApiV1AccountsIdFollow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}/unfollow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unfollow an account (again: no change) */
        post: operations["postApiV1AccountsIdUnfollow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tags/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A hashtag
         * @description Any name that can be a hashtag, used yet or not (as on Mastodon); in lower case.
         */
        get: operations["getApiV1TagsId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts by handle or name, best match first */
        get: operations["getApiV1AccountsSearch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts by handle or name, and hashtags by their start (no statuses here) */
        get: operations["getApiV2Search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** People you might follow, with why */
        get: operations["getApiV2Suggestions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** People you might follow (the older form: Accounts alone) */
        get: operations["getApiV1Suggestions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statuses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Post a status
         * @description Form, JSON or multipart; a reply with `in_reply_to_id`. Whatever a tweet cannot be (private, with a warning, media, a poll) is refused by name.
         */
        post: operations["postApiV1Statuses"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statuses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A status */
        get: operations["getApiV1StatusesId"];
        put?: never;
        post?: never;
        /**
         * Delete one of your statuses
         * @description Answers the deleted status with its `text`, for a redraft.
         */
        delete: operations["deleteApiV1StatusesId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statuses/{id}/context": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A status's thread: what it answers, up the chain, and the replies below it
         * @description Ancestors oldest first; descendants depth first, the first 200.
         */
        get: operations["getApiV1StatusesIdContext"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statuses/{id}/favourite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Like a status
         * @description Idempotent: a second time changes nothing. Answers the status with its count.
         */
        post: operations["postApiV1StatusesIdFavourite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statuses/{id}/unfavourite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take your like of a status back
         * @description Idempotent: a second time changes nothing. Answers the status with its count.
         */
        post: operations["postApiV1StatusesIdUnfavourite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statuses/{id}/reblog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Repost a status (boost)
         * @description Idempotent. Answers your repost: a status whose `reblog` is the one it passes on, with its count.
         */
        post: operations["postApiV1StatusesIdReblog"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statuses/{id}/unreblog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take your repost of a status back
         * @description Idempotent. Answers the status with its count.
         */
        post: operations["postApiV1StatusesIdUnreblog"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statuses/{id}/favourited_by": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who liked a status
         * @description Most recent first, paged by the likes (the `Link` header has their ids).
         */
        get: operations["getApiV1StatusesIdFavouritedBy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statuses/{id}/reblogged_by": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who reposted a status
         * @description Most recent first, paged by the reposts (the `Link` header has their ids).
         */
        get: operations["getApiV1StatusesIdRebloggedBy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/favourites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The statuses you liked
         * @description Most recent like first, paged by the likes (the `Link` header has their ids).
         */
        get: operations["getApiV1Favourites"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/timelines/home": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your statuses and those of whom you follow, newest first */
        get: operations["getApiV1TimelinesHome"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/timelines/public": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everyone's statuses, newest first */
        get: operations["getApiV1TimelinesPublic"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/timelines/tag/{hashtag}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The statuses carrying a hashtag, newest first
         * @description Any case; a name that cannot be a hashtag finds none, as on Mastodon.
         */
        get: operations["getApiV1TimelinesTagHashtag"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}/statuses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An account's statuses, newest first */
        get: operations["getApiV1AccountsIdStatuses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/streaming/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the streaming API is up: `OK` */
        get: operations["getApiV1StreamingHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/streaming/user": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your home timeline as it happens (the `user` stream) */
        get: operations["getApiV1StreamingUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/streaming/user/notification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your notifications as they happen: heartbeats only, as there are none */
        get: operations["getApiV1StreamingUserNotification"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your lists: none */
        get: operations["getApiV1Lists"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/filters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your filters (v1): none */
        get: operations["getApiV1Filters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/filters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your filters: none */
        get: operations["getApiV2Filters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/announcements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The server's announcements: none */
        get: operations["getApiV1Announcements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/follow_requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Follow requests to you: none */
        get: operations["getApiV1FollowRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your notifications: none */
        get: operations["getApiV1Notifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bookmarks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your bookmarks: none */
        get: operations["getApiV1Bookmarks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/blocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts you block: none */
        get: operations["getApiV1Blocks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mutes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts you mute: none */
        get: operations["getApiV1Mutes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/domain_blocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Domains you block: none */
        get: operations["getApiV1DomainBlocks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your direct conversations: none */
        get: operations["getApiV1Conversations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/followed_tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hashtags you follow: none */
        get: operations["getApiV1FollowedTags"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scheduled_statuses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your scheduled statuses: none */
        get: operations["getApiV1ScheduledStatuses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/custom_emojis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The server's custom emoji: none */
        get: operations["getApiV1CustomEmojis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trends": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Trending hashtags (older path): none */
        get: operations["getApiV1Trends"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trends/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Trending hashtags: none */
        get: operations["getApiV1TrendsTags"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trends/statuses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Trending statuses: none */
        get: operations["getApiV1TrendsStatuses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trends/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Trending links: none */
        get: operations["getApiV1TrendsLinks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instance/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The server's rules: none */
        get: operations["getApiV1InstanceRules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instance/peers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Servers this one knows: none */
        get: operations["getApiV1InstancePeers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/markers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your saved positions in timelines: none */
        get: operations["getApiV1Markers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The book: answers pong */
        get: operations["book_get_ping"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sign-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The book: sign up */
        post: operations["book_post_sign_up"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The book: log in */
        post: operations["book_post_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tweet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The book: tweet */
        post: operations["book_post_tweet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/follow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The book: follow a user */
        post: operations["book_post_follow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/unfollow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The book: unfollow a user */
        post: operations["book_post_unfollow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/timeline/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The book: a user's tweets and those of whom they follow, newest first */
        get: operations["book_get_timeline_user_id"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The book: your tweets and those of whom you follow, newest first */
        get: operations["book_get_timeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/profile-picture": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The book: upload a profile picture (multipart, `profile_pic`) */
        post: operations["book_post_profile_picture"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/profile-picture/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The book: a user's profile picture */
        get: operations["book_get_profile_picture_user_id"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        CredentialApplication: {
            /**
             * @description The application id: a string of digits
             * @example 1
             */
            id: string;
            name: string;
            website: string | null;
            /**
             * @description What the application may ask for
             * @example [
             *       "read",
             *       "write"
             *     ]
             */
            scopes: string[];
            /** @description The redirect URIs, one a line (deprecated: `redirect_uris`) */
            redirect_uri: string;
            redirect_uris: string[];
            /**
             * @description Always "": no Web Push
             * @constant
             */
            vapid_key: "";
            client_id: string;
            /** @description Shown this once */
            client_secret: string;
            /**
             * @description Always 0: secrets do not expire
             * @constant
             */
            client_secret_expires_at: 0;
        };
        Error: {
            /** @example Record not found */
            error: string;
            /** @description OAuth's refusals only: what went wrong */
            error_description?: string;
        };
        ValidationError: {
            /** @example Validation failed: status: Tweet must be at most 300 characters */
            error: string;
            /** @description Per parameter, as it was sent */
            details?: {
                [key: string]: {
                    /** @description ERR_TOO_LONG, ERR_TOO_SHORT, ERR_TAKEN, ERR_RESERVED or ERR_INVALID */
                    error: string;
                    description: string;
                }[];
            };
        };
        Application: {
            /**
             * @description The application id: a string of digits
             * @example 1
             */
            id: string;
            name: string;
            website: string | null;
            /**
             * @description What the application may ask for
             * @example [
             *       "read",
             *       "write"
             *     ]
             */
            scopes: string[];
            /** @description The redirect URIs, one a line (deprecated: `redirect_uris`) */
            redirect_uri: string;
            redirect_uris: string[];
            /**
             * @description Always "": no Web Push
             * @constant
             */
            vapid_key: "";
        };
        Token: {
            /** @description Send as `Authorization: Bearer <token>`; it does not expire */
            access_token: string;
            /** @constant */
            token_type: "Bearer";
            /** @example read write */
            scope: string;
            /** @description When it was issued, in seconds since 1970 */
            created_at: number;
        };
        /** @description Nothing more to say */
        Revoked: Record<string, never>;
        AuthorizationServer: {
            /** Format: uri */
            issuer: string;
            /** Format: uri */
            service_documentation: string;
            /**
             * Format: uri
             * @description The web app's page where a person authorizes
             */
            authorization_endpoint: string;
            /** Format: uri */
            token_endpoint: string;
            /** Format: uri */
            revocation_endpoint: string;
            /** Format: uri */
            app_registration_endpoint: string;
            scopes_supported: string[];
            response_types_supported: "code"[];
            grant_types_supported: ("authorization_code" | "client_credentials")[];
            code_challenge_methods_supported: "S256"[];
            token_endpoint_auth_methods_supported: string[];
        };
        Instance: {
            /**
             * @description The host clients reach, with its port
             * @example miniter.example
             */
            domain: string;
            title: string;
            /** @description The Mastodon version whose API this follows, with Miniter's mark */
            version: string;
            /** Format: uri */
            source_url: string;
            description: string;
            usage: {
                users: {
                    active_month: number;
                };
            };
            thumbnail: {
                /** Format: uri */
                url: string;
            };
            /** @description Always empty: no icons */
            icon: unknown[];
            languages: string[];
            configuration: {
                urls: {
                    /**
                     * Format: uri
                     * @description Where the streaming API is: this server, as ws(s)://
                     */
                    streaming: string;
                    status: null;
                    about: null;
                    privacy_policy: null;
                    terms_of_service: null;
                };
                vapid: {
                    /**
                     * @description Always "": no Web Push
                     * @constant
                     */
                    public_key: "";
                };
                accounts: {
                    max_featured_tags: number;
                    max_pinned_statuses: number;
                    max_profile_fields: number;
                };
                statuses: {
                    /** @description A status's most characters (code points): the tweet limit */
                    max_characters: number;
                    /**
                     * @description Always 0: no media yet
                     * @constant
                     */
                    max_media_attachments: 0;
                    characters_reserved_per_url: number;
                };
                media_attachments: {
                    /** @description Always empty: no media yet */
                    supported_mime_types: unknown[];
                    image_size_limit: number;
                    image_matrix_limit: number;
                    video_size_limit: number;
                    video_frame_rate_limit: number;
                    video_matrix_limit: number;
                    description_limit: number;
                };
                /** @description All 0: no polls */
                polls: {
                    max_options: number;
                    max_characters_per_option: number;
                    min_expiration: number;
                    max_expiration: number;
                };
                translation: {
                    /**
                     * @description Always false: no translation
                     * @constant
                     */
                    enabled: false;
                };
                timelines_access: {
                    live_feeds: {
                        /** @enum {string} */
                        local: "public" | "disabled";
                        /**
                         * @description Always "disabled": no federation
                         * @constant
                         */
                        remote: "disabled";
                    };
                    hashtag_feeds: {
                        /** @enum {string} */
                        local: "public" | "disabled";
                        /**
                         * @description Always "disabled": no federation
                         * @constant
                         */
                        remote: "disabled";
                    };
                    trending_link_feeds: {
                        /** @enum {string} */
                        local: "public" | "disabled";
                        /**
                         * @description Always "disabled": no federation
                         * @constant
                         */
                        remote: "disabled";
                    };
                };
                /**
                 * @description Always true: Miniter does not federate
                 * @constant
                 */
                limited_federation: true;
            };
            registrations: {
                enabled: boolean;
                approval_required: boolean;
                reason_required: boolean;
                message: null;
                min_age: null;
                url: null;
            };
            api_versions: {
                mastodon: number;
            };
            contact: {
                email: string;
                /** @description The oldest of the first accounts: whoever set it up */
                account: components["schemas"]["Account"] | null;
            };
            /** @description Always empty: no server rules */
            rules: unknown[];
        };
        Account: {
            /**
             * @description The account id: a string of digits
             * @example 1
             */
            id: string;
            /**
             * @description The @handle, without the @
             * @example song
             */
            username: string;
            /**
             * @description As `username`: every account is local
             * @example song
             */
            acct: string;
            /** @example Song Kim */
            display_name: string;
            /**
             * @description Always false: Follows need no approval
             * @constant
             */
            locked: false;
            /**
             * @description Always false: No bot accounts
             * @constant
             */
            bot: false;
            /**
             * @description Always true: Every account can be found
             * @constant
             */
            discoverable: true;
            /**
             * @description Always false: Search engines are not invited
             * @constant
             */
            indexable: false;
            /**
             * @description Always false: No group accounts
             * @constant
             */
            group: false;
            /** Format: date-time */
            created_at: string;
            /**
             * @description The bio as HTML
             * @example <p>Hello</p>
             */
            note: string;
            /**
             * Format: uri
             * @description The profile page
             */
            url: string;
            /** Format: uri */
            uri: string;
            /**
             * Format: uri
             * @description The picture, or a default one
             */
            avatar: string;
            /** Format: uri */
            avatar_static: string;
            avatar_description: string;
            /**
             * Format: uri
             * @description Always the default header: Miniter has no header pictures
             */
            header: string;
            /** Format: uri */
            header_static: string;
            header_description: string;
            followers_count: number;
            following_count: number;
            statuses_count: number;
            /** @description The day of the newest status; null with none */
            last_status_at: string | null;
            /**
             * @description Always false: Followers and following are public
             * @constant
             */
            hide_collections: false;
            /**
             * @description Always false: Search engines may index the account
             * @constant
             */
            noindex: false;
            /** @description Always empty: no custom emoji */
            emojis: unknown[];
            /** @description Always empty: no roles */
            roles: unknown[];
            /** @description Always empty: no profile fields */
            fields: unknown[];
        };
        V1_Instance: {
            /** @description The host clients reach, with its port */
            uri: string;
            title: string;
            short_description: string;
            description: string;
            email: string;
            version: string;
            urls: {
                /** Format: uri */
                streaming_api: string;
            };
            stats: {
                user_count: number;
                status_count: number;
                /**
                 * @description Always 1: this server alone
                 * @constant
                 */
                domain_count: 1;
            };
            /** Format: uri */
            thumbnail: string;
            languages: string[];
            registrations: boolean;
            approval_required: boolean;
            invites_enabled: boolean;
            configuration: {
                accounts: {
                    max_featured_tags: number;
                };
                statuses: {
                    /** @description A status's most characters (code points): the tweet limit */
                    max_characters: number;
                    /**
                     * @description Always 0: no media yet
                     * @constant
                     */
                    max_media_attachments: 0;
                    characters_reserved_per_url: number;
                };
                /** @description All 0: no media yet */
                media_attachments: {
                    /** @description Always empty: no media yet */
                    supported_mime_types: unknown[];
                    image_size_limit: number;
                    image_matrix_limit: number;
                    video_size_limit: number;
                    video_frame_rate_limit: number;
                    video_matrix_limit: number;
                };
                /** @description All 0: no polls */
                polls: {
                    max_options: number;
                    max_characters_per_option: number;
                    min_expiration: number;
                    max_expiration: number;
                };
            };
            contact_account: components["schemas"]["Account"] | null;
            /** @description Always empty: no server rules */
            rules: unknown[];
        };
        /** @description Where the NodeInfo documents are */
        NodeInfoLinks: {
            links: {
                /** @constant */
                rel: "http://nodeinfo.diaspora.software/ns/schema/2.0";
                /** Format: uri */
                href: string;
            }[];
        };
        NodeInfo: {
            /** @constant */
            version: "2.0";
            software: {
                /** @constant */
                name: "miniter";
                version: string;
            };
            /** @description None: Miniter does not federate */
            protocols: string[];
            services: {
                inbound: string[];
                outbound: string[];
            };
            openRegistrations: boolean;
            usage: {
                users: {
                    total: number;
                };
                localPosts: number;
            };
            metadata: {
                /** @description The API this server follows */
                upstream: {
                    /** @constant */
                    name: "mastodon";
                    version: string;
                };
            };
        };
        CredentialAccount: {
            /**
             * @description The account id: a string of digits
             * @example 1
             */
            id: string;
            /**
             * @description The @handle, without the @
             * @example song
             */
            username: string;
            /**
             * @description As `username`: every account is local
             * @example song
             */
            acct: string;
            /** @example Song Kim */
            display_name: string;
            /**
             * @description Always false: Follows need no approval
             * @constant
             */
            locked: false;
            /**
             * @description Always false: No bot accounts
             * @constant
             */
            bot: false;
            /**
             * @description Always true: Every account can be found
             * @constant
             */
            discoverable: true;
            /**
             * @description Always false: Search engines are not invited
             * @constant
             */
            indexable: false;
            /**
             * @description Always false: No group accounts
             * @constant
             */
            group: false;
            /** Format: date-time */
            created_at: string;
            /**
             * @description The bio as HTML
             * @example <p>Hello</p>
             */
            note: string;
            /**
             * Format: uri
             * @description The profile page
             */
            url: string;
            /** Format: uri */
            uri: string;
            /**
             * Format: uri
             * @description The picture, or a default one
             */
            avatar: string;
            /** Format: uri */
            avatar_static: string;
            avatar_description: string;
            /**
             * Format: uri
             * @description Always the default header: Miniter has no header pictures
             */
            header: string;
            /** Format: uri */
            header_static: string;
            header_description: string;
            followers_count: number;
            following_count: number;
            statuses_count: number;
            /** @description The day of the newest status; null with none */
            last_status_at: string | null;
            /**
             * @description Always false: Followers and following are public
             * @constant
             */
            hide_collections: false;
            /**
             * @description Always false: Search engines may index the account
             * @constant
             */
            noindex: false;
            /** @description Always empty: no custom emoji */
            emojis: unknown[];
            /** @description Always empty: no roles */
            roles: unknown[];
            /** @description Always empty: no profile fields */
            fields: unknown[];
            /** @description What the profile is edited from */
            source: {
                /**
                 * @description Always "public": Every status is public
                 * @constant
                 */
                privacy: "public";
                /**
                 * @description Always false: Nothing is marked sensitive
                 * @constant
                 */
                sensitive: false;
                /**
                 * @description Always "": No default language
                 * @constant
                 */
                language: "";
                /** @description The bio as plain text, to edit */
                note: string;
                /** @description Always empty: no profile fields */
                fields: unknown[];
                /**
                 * @description Always 0: No follow requests
                 * @constant
                 */
                follow_requests_count: 0;
                /**
                 * @description Always false: Followers and following are public
                 * @constant
                 */
                hide_collections: false;
                /**
                 * @description Always true: Every account can be found
                 * @constant
                 */
                discoverable: true;
                /**
                 * @description Always false: Search engines are not invited
                 * @constant
                 */
                indexable: false;
                /** @description Always empty: no attribution domains */
                attribution_domains: unknown[];
            };
        };
        Preferences: {
            /**
             * @description Always "public": every status is public
             * @constant
             */
            "posting:default:visibility": "public";
            /**
             * @description Always false: nothing is marked sensitive
             * @constant
             */
            "posting:default:sensitive": false;
            /** @description Always null: no default language */
            "posting:default:language": null;
            /**
             * @description Always "default": no media yet
             * @constant
             */
            "reading:expand:media": "default";
            /**
             * @description Always false: no content warnings
             * @constant
             */
            "reading:expand:spoilers": false;
        };
        /** @description A JSON Resource Descriptor (RFC 7033) */
        WebFinger: {
            /** @example acct:song@miniter.example */
            subject: string;
            aliases: string[];
            links: {
                rel: string;
                type: string;
                /** Format: uri */
                href: string;
            }[];
        };
        Relationship: {
            /**
             * @description The other account: a string of digits
             * @example 1
             */
            id: string;
            /** @description You follow them */
            following: boolean;
            /** @description As `following`: a follow shows everything */
            showing_reblogs: boolean;
            /**
             * @description Always false: no notifications
             * @constant
             */
            notifying: false;
            /** @description Always null: a follow shows every language */
            languages: null;
            /** @description They follow you */
            followed_by: boolean;
            /**
             * @description Always false: no blocks
             * @constant
             */
            blocking: false;
            /**
             * @description Always false: no blocks
             * @constant
             */
            blocked_by: false;
            /**
             * @description Always false: no mutes
             * @constant
             */
            muting: false;
            /**
             * @description Always false: no mutes
             * @constant
             */
            muting_notifications: false;
            /** @description Always null: no mutes */
            muting_expires_at: null;
            /**
             * @description Always false: no follow requests
             * @constant
             */
            requested: false;
            /**
             * @description Always false: no follow requests
             * @constant
             */
            requested_by: false;
            /**
             * @description Always false: no domain blocks
             * @constant
             */
            domain_blocking: false;
            /**
             * @description Always false: no endorsements
             * @constant
             */
            endorsed: false;
            /**
             * @description Always "": no notes on accounts
             * @constant
             */
            note: "";
        };
        Tag: {
            /**
             * @description The hashtag, without its `#`, in lower case
             * @example 서울
             */
            name: string;
            /**
             * Format: uri
             * @description The hashtag's page
             */
            url: string;
            /** @description Always empty: usage is not counted by day */
            history: unknown[];
            /**
             * @description Always false: hashtags are not followed
             * @constant
             */
            following: false;
        };
        Search: {
            accounts: components["schemas"]["Account"][];
            /** @description Always empty: no search of statuses */
            statuses: unknown[];
            /** @description Hashtags that start with the query */
            hashtags: components["schemas"]["Tag"][];
        };
        Suggestion: {
            /**
             * @description Deprecated by Mastodon; always `global` here
             * @constant
             */
            source: "global";
            /** @description Why: followed by those you follow, or else by many */
            sources: "friends_of_friends"[];
            account: components["schemas"]["Account"];
        };
        Status: {
            /**
             * @description The status id: a string of digits
             * @example 1
             */
            id: string;
            /** Format: uri */
            uri: string;
            /**
             * Format: uri
             * @description The status's page
             */
            url: string;
            /** Format: date-time */
            created_at: string;
            account: components["schemas"]["Account"];
            /**
             * @description The text as HTML: escaped, in paragraphs and line breaks, web addresses as links
             * @example <p>Hello World!</p>
             */
            content: string;
            /**
             * @description Always "public": every status is public
             * @constant
             */
            visibility: "public";
            /**
             * @description Always false: nothing is marked sensitive
             * @constant
             */
            sensitive: false;
            /**
             * @description Always "": no content warnings
             * @constant
             */
            spoiler_text: "";
            /** @description Always empty: no media yet */
            media_attachments: unknown[];
            /** @description Always null: the posting application is not shown */
            application: null;
            /** @description The accounts its text mentions */
            mentions: components["schemas"]["StatusMention"][];
            /** @description Its hashtags */
            tags: components["schemas"]["Tag"][];
            /** @description Always empty: no custom emoji */
            emojis: unknown[];
            /** @description Its reposts */
            reblogs_count: number;
            /** @description Its likes */
            favourites_count: number;
            /**
             * @description Always 0: no quotes
             * @constant
             */
            quotes_count: 0;
            /** @description Its replies */
            replies_count: number;
            in_reply_to_id: string | null;
            in_reply_to_account_id: string | null;
            /** @description Always null: no polls */
            poll: null;
            /** @description Always null: no preview cards */
            card: null;
            /** @description Always null: languages are not detected */
            language: null;
            /** @description The plain text, in the answer to a deletion (to redraft); else null */
            text: string | null;
            /** @description Always null: statuses are not edited */
            edited_at: null;
            /** @description Always null: no quotes */
            quote: null;
            /** @description Whether you liked it (false when signed out) */
            favourited: boolean;
            /** @description Whether you reposted it (false when signed out) */
            reblogged: boolean;
            /**
             * @description Always false: no mutes
             * @constant
             */
            muted: false;
            /**
             * @description Always false: no bookmarks
             * @constant
             */
            bookmarked: false;
            /**
             * @description Always false: nothing is pinned
             * @constant
             */
            pinned: false;
            /** @description Always empty: no filters */
            filtered: unknown[];
            /** @description A repost (Mastodon's boost): the status it passes on */
            reblog: components["schemas"]["RebloggedStatus"] | null;
        };
        StatusMention: {
            /**
             * @description The account's id: a string of digits
             * @example 1
             */
            id: string;
            username: string;
            /** @description The username: every account is local */
            acct: string;
            /**
             * Format: uri
             * @description The account's page
             */
            url: string;
        };
        RebloggedStatus: {
            /**
             * @description The status id: a string of digits
             * @example 1
             */
            id: string;
            /** Format: uri */
            uri: string;
            /**
             * Format: uri
             * @description The status's page
             */
            url: string;
            /** Format: date-time */
            created_at: string;
            account: components["schemas"]["Account"];
            /**
             * @description The text as HTML: escaped, in paragraphs and line breaks, web addresses as links
             * @example <p>Hello World!</p>
             */
            content: string;
            /**
             * @description Always "public": every status is public
             * @constant
             */
            visibility: "public";
            /**
             * @description Always false: nothing is marked sensitive
             * @constant
             */
            sensitive: false;
            /**
             * @description Always "": no content warnings
             * @constant
             */
            spoiler_text: "";
            /** @description Always empty: no media yet */
            media_attachments: unknown[];
            /** @description Always null: the posting application is not shown */
            application: null;
            /** @description The accounts its text mentions */
            mentions: components["schemas"]["StatusMention"][];
            /** @description Its hashtags */
            tags: components["schemas"]["Tag"][];
            /** @description Always empty: no custom emoji */
            emojis: unknown[];
            /** @description Its reposts */
            reblogs_count: number;
            /** @description Its likes */
            favourites_count: number;
            /**
             * @description Always 0: no quotes
             * @constant
             */
            quotes_count: 0;
            /** @description Its replies */
            replies_count: number;
            in_reply_to_id: string | null;
            in_reply_to_account_id: string | null;
            /** @description Always null: no polls */
            poll: null;
            /** @description Always null: no preview cards */
            card: null;
            /** @description Always null: languages are not detected */
            language: null;
            /** @description The plain text, in the answer to a deletion (to redraft); else null */
            text: string | null;
            /** @description Always null: statuses are not edited */
            edited_at: null;
            /** @description Always null: no quotes */
            quote: null;
            /** @description Whether you liked it (false when signed out) */
            favourited: boolean;
            /** @description Whether you reposted it (false when signed out) */
            reblogged: boolean;
            /**
             * @description Always false: no mutes
             * @constant
             */
            muted: false;
            /**
             * @description Always false: no bookmarks
             * @constant
             */
            bookmarked: false;
            /**
             * @description Always false: nothing is pinned
             * @constant
             */
            pinned: false;
            /** @description Always empty: no filters */
            filtered: unknown[];
            /** @description Always null: what a repost passes on is never a repost */
            reblog: null;
        };
        Context: {
            /** @description Oldest first, up to the status it answers */
            ancestors: components["schemas"]["Status"][];
            /** @description Depth first, each reply's replies below it */
            descendants: components["schemas"]["Status"][];
        };
        /** @description Always empty here */
        Empty: unknown[];
        /** @description No saved positions: Miniter keeps none */
        NoMarkers: Record<string, never>;
        BookError: {
            error: {
                /**
                 * @description The tRPC error code, e.g. BAD_REQUEST
                 * @example BAD_REQUEST
                 */
                code: string;
                /** @example tweet: Tweet must be at most 300 characters */
                message: string;
                /** @description Names the request in the server logs */
                requestId: string;
                /** @description Per field, what is wrong with it (input errors only) */
                fieldErrors?: {
                    [key: string]: string[];
                };
            };
        };
        BookTimeline: {
            user_id: number;
            timeline: {
                user_id: number;
                tweet: string;
            }[];
        };
    };
    responses: {
        /** @description The request could not be read (a path that does not decode, a body that is not what it says) */
        Mastodon400: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is too large */
        Mastodon413: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Not a type or charset this route reads */
        Mastodon415: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description A parameter is invalid: `details` names each one */
        Mastodon422: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ValidationError"];
            };
        };
        /** @description Too many calls: try again after `Retry-After` seconds */
        Mastodon429: {
            headers: {
                "X-RateLimit-Limit"?: string;
                "X-RateLimit-Remaining"?: string;
                "X-RateLimit-Reset"?: string;
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description An unexpected error: quote the X-Request-Id */
        Mastodon500: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The database is unavailable or the server is busy: try again shortly */
        Mastodon503: {
            headers: {
                "Retry-After"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No valid access token, or its session has ended */
        Mastodon401: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Not allowed to the caller (for a token: outside its scopes) */
        Mastodon403: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description What the path or a parameter names does not exist */
        Mastodon404: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Too many calls: try again after `Retry-After` seconds */
        Book429: {
            headers: {
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["BookError"];
            };
        };
        /** @description An unexpected error: quote the X-Request-Id */
        Book500: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["BookError"];
            };
        };
        /** @description The database is unavailable or the server is busy: try again shortly */
        Book503: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["BookError"];
            };
        };
        /** @description The input is invalid: `fieldErrors` names each field */
        Book400: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["BookError"];
            };
        };
        /** @description Conflicts with what exists (an email already taken) */
        Book409: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["BookError"];
            };
        };
        /** @description The body is too large */
        Book413: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["BookError"];
            };
        };
        /** @description No valid access token, or its session has ended */
        Book401: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["BookError"];
            };
        };
        /** @description What the path or a parameter names does not exist */
        Book404: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["BookError"];
            };
        };
        /** @description The upload is not a PNG, JPEG, WebP or GIF picture */
        Book415: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["BookError"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description Seconds to wait */
        "Retry-After": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    postApiV1Apps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Shown to people who authorize it */
                    client_name: string;
                    /** @description Where codes go: one URI, several (a list, or separated by spaces), or `urn:ietf:wg:oauth:2.0:oob` */
                    redirect_uris: string | string[];
                    /** @description What it may ask for, space-separated (default `read`) */
                    scopes?: string;
                    /** Format: uri */
                    website?: string;
                };
                "application/x-www-form-urlencoded": {
                    /** @description Shown to people who authorize it */
                    client_name: string;
                    /** @description Where codes go: one URI, several (a list, or separated by spaces), or `urn:ietf:wg:oauth:2.0:oob` */
                    redirect_uris: string | string[];
                    /** @description What it may ask for, space-separated (default `read`) */
                    scopes?: string;
                    /** Format: uri */
                    website?: string;
                };
                "multipart/form-data": {
                    /** @description Shown to people who authorize it */
                    client_name: string;
                    /** @description Where codes go: one URI, several (a list, or separated by spaces), or `urn:ietf:wg:oauth:2.0:oob` */
                    redirect_uris: string | string[];
                    /** @description What it may ask for, space-separated (default `read`) */
                    scopes?: string;
                    /** Format: uri */
                    website?: string;
                };
            };
        };
        responses: {
            /** @description Register an application: its client id and secret */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialApplication"];
                };
            };
            400: components["responses"]["Mastodon400"];
            413: components["responses"]["Mastodon413"];
            415: components["responses"]["Mastodon415"];
            422: components["responses"]["Mastodon422"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1AppsVerifyCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The application a token belongs to (an application's own, or one a person granted it) */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            401: components["responses"]["Mastodon401"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    postApiV1Accounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The @handle; also the name at first */
                    username: string;
                    /** Format: email */
                    email: string;
                    password: string;
                    /** @description Taken and ignored: no terms to agree to */
                    agreement?: boolean;
                    /** @description Taken and ignored */
                    locale?: string;
                    /** @description Taken and ignored: no approval needed */
                    reason?: string;
                };
                "application/x-www-form-urlencoded": {
                    /** @description The @handle; also the name at first */
                    username: string;
                    /** Format: email */
                    email: string;
                    password: string;
                    /** @description Taken and ignored: no terms to agree to */
                    agreement?: boolean;
                    /** @description Taken and ignored */
                    locale?: string;
                    /** @description Taken and ignored: no approval needed */
                    reason?: string;
                };
                "multipart/form-data": {
                    /** @description The @handle; also the name at first */
                    username: string;
                    /** Format: email */
                    email: string;
                    password: string;
                    /** @description Taken and ignored: no terms to agree to */
                    agreement?: boolean;
                    /** @description Taken and ignored */
                    locale?: string;
                    /** @description Taken and ignored: no approval needed */
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Sign up, with an application's own token (`client_credentials`, `write:accounts`) */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Token"];
                };
            };
            400: components["responses"]["Mastodon400"];
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            413: components["responses"]["Mastodon413"];
            415: components["responses"]["Mastodon415"];
            422: components["responses"]["Mastodon422"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    postOauthToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    grant_type: "authorization_code" | "client_credentials";
                    /** @description The application's `client_id` */
                    client_id: string;
                    /** @description The application's `client_secret` */
                    client_secret: string;
                    /** @description authorization_code: the code */
                    code?: string;
                    /** @description authorization_code: as it was authorized */
                    redirect_uri?: string;
                    /** @description authorization_code: when a challenge was sent */
                    code_verifier?: string;
                    /** @description client_credentials: among the application's */
                    scope?: string;
                };
                "application/x-www-form-urlencoded": {
                    /** @enum {string} */
                    grant_type: "authorization_code" | "client_credentials";
                    /** @description The application's `client_id` */
                    client_id: string;
                    /** @description The application's `client_secret` */
                    client_secret: string;
                    /** @description authorization_code: the code */
                    code?: string;
                    /** @description authorization_code: as it was authorized */
                    redirect_uri?: string;
                    /** @description authorization_code: when a challenge was sent */
                    code_verifier?: string;
                    /** @description client_credentials: among the application's */
                    scope?: string;
                };
                "multipart/form-data": {
                    /** @enum {string} */
                    grant_type: "authorization_code" | "client_credentials";
                    /** @description The application's `client_id` */
                    client_id: string;
                    /** @description The application's `client_secret` */
                    client_secret: string;
                    /** @description authorization_code: the code */
                    code?: string;
                    /** @description authorization_code: as it was authorized */
                    redirect_uri?: string;
                    /** @description authorization_code: when a challenge was sent */
                    code_verifier?: string;
                    /** @description client_credentials: among the application's */
                    scope?: string;
                };
            };
        };
        responses: {
            /** @description A token: for an authorization code (with its PKCE verifier), or the application's own */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Token"];
                };
            };
            400: components["responses"]["Mastodon400"];
            401: components["responses"]["Mastodon401"];
            413: components["responses"]["Mastodon413"];
            415: components["responses"]["Mastodon415"];
            422: components["responses"]["Mastodon422"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    postOauthRevoke: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The application's `client_id` */
                    client_id: string;
                    /** @description The application's `client_secret` */
                    client_secret: string;
                    token: string;
                };
                "application/x-www-form-urlencoded": {
                    /** @description The application's `client_id` */
                    client_id: string;
                    /** @description The application's `client_secret` */
                    client_secret: string;
                    token: string;
                };
                "multipart/form-data": {
                    /** @description The application's `client_id` */
                    client_id: string;
                    /** @description The application's `client_secret` */
                    client_secret: string;
                    token: string;
                };
            };
        };
        responses: {
            /** @description End a token the application holds (the same answer whether it existed) */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Revoked"];
                };
            };
            400: components["responses"]["Mastodon400"];
            403: components["responses"]["Mastodon403"];
            413: components["responses"]["Mastodon413"];
            415: components["responses"]["Mastodon415"];
            422: components["responses"]["Mastodon422"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getWellKnownOauthAuthorizationServer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Where and how to get a token (RFC 8414) */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationServer"];
                };
            };
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV2Instance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server: its limits, streaming address and contact */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Instance"];
                };
            };
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1Instance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server, in the older shape (with counts) */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1_Instance"];
                };
            };
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getWellKnownNodeinfo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Where the NodeInfo document is */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NodeInfoLinks"];
                };
            };
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getNodeinfo20: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description NodeInfo 2.0: the software (upstream: Mastodon) and its counts */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NodeInfo"];
                };
            };
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1AccountsVerifyCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your own account, with the source of its profile */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialAccount"];
                };
            };
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1Preferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your posting and reading defaults: Mastodon's, as Miniter has none to choose */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Preferences"];
                };
            };
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1AccountsLookup: {
        parameters: {
            query: {
                /** @description `handle`, or `handle@host` for this server */
                acct: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An account by its handle */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            404: components["responses"]["Mastodon404"];
            422: components["responses"]["Mastodon422"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1AccountsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An id: digits */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An account */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            400: components["responses"]["Mastodon400"];
            404: components["responses"]["Mastodon404"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getWellKnownWebfinger: {
        parameters: {
            query: {
                /** @description `acct:handle@host` */
                resource: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A local account by `acct:handle@host` (WebFinger): its profile page */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/jrd+json": components["schemas"]["WebFinger"];
                };
            };
            404: components["responses"]["Mastodon404"];
            422: components["responses"]["Mastodon422"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getWellKnownHostMeta: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Where WebFinger is (an XRD document) */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/xrd+xml": string;
                };
            };
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    patchApiV1AccountsUpdateCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description Your name */
                    display_name?: string;
                    /** @description Your bio, as plain text */
                    note?: string;
                    /** @description A PNG, JPEG, WebP or GIF picture: a multipart file, or a base64 `data:` URI */
                    avatar?: string;
                    /** @description Taken and ignored: no header pictures */
                    header?: unknown;
                    /** @description Taken and ignored: follows need no approval */
                    locked?: boolean;
                    /** @description Taken and ignored: no bot accounts */
                    bot?: boolean;
                    /** @description Taken and ignored: every account can be found */
                    discoverable?: boolean;
                    /** @description Taken and ignored: followers and following are public */
                    hide_collections?: boolean;
                    /** @description Taken and ignored */
                    indexable?: boolean;
                    /** @description Taken and ignored: no attribution domains */
                    attribution_domains?: unknown;
                    /** @description Taken and ignored: no profile fields */
                    fields_attributes?: unknown;
                    /** @description Taken and ignored: no posting defaults */
                    source?: unknown;
                };
                "application/x-www-form-urlencoded": {
                    /** @description Your name */
                    display_name?: string;
                    /** @description Your bio, as plain text */
                    note?: string;
                    /** @description A PNG, JPEG, WebP or GIF picture: a multipart file, or a base64 `data:` URI */
                    avatar?: string;
                    /** @description Taken and ignored: no header pictures */
                    header?: unknown;
                    /** @description Taken and ignored: follows need no approval */
                    locked?: boolean;
                    /** @description Taken and ignored: no bot accounts */
                    bot?: boolean;
                    /** @description Taken and ignored: every account can be found */
                    discoverable?: boolean;
                    /** @description Taken and ignored: followers and following are public */
                    hide_collections?: boolean;
                    /** @description Taken and ignored */
                    indexable?: boolean;
                    /** @description Taken and ignored: no attribution domains */
                    attribution_domains?: unknown;
                    /** @description Taken and ignored: no profile fields */
                    fields_attributes?: unknown;
                    /** @description Taken and ignored: no posting defaults */
                    source?: unknown;
                };
                "multipart/form-data": {
                    /** @description Your name */
                    display_name?: string;
                    /** @description Your bio, as plain text */
                    note?: string;
                    /** @description A PNG, JPEG, WebP or GIF picture: a multipart file, or a base64 `data:` URI */
                    avatar?: string;
                    /** @description Taken and ignored: no header pictures */
                    header?: unknown;
                    /** @description Taken and ignored: follows need no approval */
                    locked?: boolean;
                    /** @description Taken and ignored: no bot accounts */
                    bot?: boolean;
                    /** @description Taken and ignored: every account can be found */
                    discoverable?: boolean;
                    /** @description Taken and ignored: followers and following are public */
                    hide_collections?: boolean;
                    /** @description Taken and ignored */
                    indexable?: boolean;
                    /** @description Taken and ignored: no attribution domains */
                    attribution_domains?: unknown;
                    /** @description Taken and ignored: no profile fields */
                    fields_attributes?: unknown;
                    /** @description Taken and ignored: no posting defaults */
                    source?: unknown;
                };
            };
        };
        responses: {
            /** @description Change your name, bio or picture */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialAccount"];
                };
            };
            400: components["responses"]["Mastodon400"];
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            413: components["responses"]["Mastodon413"];
            415: components["responses"]["Mastodon415"];
            422: components["responses"]["Mastodon422"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1AccountsRelationships: {
        parameters: {
            query?: {
                /** @description The accounts, in the order answered */
                "id[]"?: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whether you follow each account, and it you (accounts that do not exist are left out) */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Relationship"][];
                };
            };
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            422: components["responses"]["Mastodon422"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1AccountsIdFollowers: {
        parameters: {
            query?: {
                /** @description Only items older than this id */
                max_id?: string;
                /** @description Only items newer than this id */
                since_id?: string;
                /** @description The items just newer than this id (still newest first) */
                min_id?: string;
                /** @description How many: 40 by default, at most 80 (more is read as 80) */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description An id: digits */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Who follows an account */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"][];
                };
            };
            400: components["responses"]["Mastodon400"];
            404: components["responses"]["Mastodon404"];
            422: components["responses"]["Mastodon422"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1AccountsIdFollowing: {
        parameters: {
            query?: {
                /** @description Only items older than this id */
                max_id?: string;
                /** @description Only items newer than this id */
                since_id?: string;
                /** @description The items just newer than this id (still newest first) */
                min_id?: string;
                /** @description How many: 40 by default, at most 80 (more is read as 80) */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description An id: digits */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whom an account follows */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"][];
                };
            };
            400: components["responses"]["Mastodon400"];
            404: components["responses"]["Mastodon404"];
            422: components["responses"]["Mastodon422"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    postApiV1AccountsIdFollow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An id: digits */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description Taken and ignored: a follow shows everything */
                    reblogs?: boolean;
                    /** @description Taken and ignored: no notifications */
                    notify?: boolean;
                    /** @description Taken and ignored: every language */
                    "languages[]"?: string[];
                };
                "application/x-www-form-urlencoded": {
                    /** @description Taken and ignored: a follow shows everything */
                    reblogs?: boolean;
                    /** @description Taken and ignored: no notifications */
                    notify?: boolean;
                    /** @description Taken and ignored: every language */
                    "languages[]"?: string[];
                };
                "multipart/form-data": {
                    /** @description Taken and ignored: a follow shows everything */
                    reblogs?: boolean;
                    /** @description Taken and ignored: no notifications */
                    notify?: boolean;
                    /** @description Taken and ignored: every language */
                    "languages[]"?: string[];
                };
            };
        };
        responses: {
            /** @description Follow an account (again: no change) */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Relationship"];
                };
            };
            400: components["responses"]["Mastodon400"];
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            404: components["responses"]["Mastodon404"];
            413: components["responses"]["Mastodon413"];
            415: components["responses"]["Mastodon415"];
            422: components["responses"]["Mastodon422"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    postApiV1AccountsIdUnfollow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An id: digits */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unfollow an account (again: no change) */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Relationship"];
                };
            };
            400: components["responses"]["Mastodon400"];
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            404: components["responses"]["Mastodon404"];
            413: components["responses"]["Mastodon413"];
            415: components["responses"]["Mastodon415"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1TagsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An id: digits */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A hashtag */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tag"];
                };
            };
            400: components["responses"]["Mastodon400"];
            404: components["responses"]["Mastodon404"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1AccountsSearch: {
        parameters: {
            query: {
                /** @description A handle (`@` optional, `@handle@host` for this server) or a name */
                q: string;
                /** @description How many: 40 by default, at most 80 (more is read as 80) */
                limit?: number;
                /** @description Results to skip */
                offset?: number;
                /** @description Only accounts you follow (needs a token with `read:follows`) */
                following?: boolean;
                /** @description Taken and ignored: Miniter does not federate */
                resolve?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accounts by handle or name, best match first */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"][];
                };
            };
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            422: components["responses"]["Mastodon422"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV2Search: {
        parameters: {
            query: {
                /** @description A handle (`@` optional, `@handle@host` for this server) or a name */
                q: string;
                /** @description How many: 20 by default, at most 40 (more is read as 40) */
                limit?: number;
                /** @description Results to skip */
                offset?: number;
                /** @description Only accounts you follow (needs a token with `read:follows`) */
                following?: boolean;
                /** @description Taken and ignored: Miniter does not federate */
                resolve?: boolean;
                /** @description One kind only (`offset` applies then) */
                type?: "accounts" | "statuses" | "hashtags";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accounts by handle or name, and hashtags by their start (no statuses here) */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Search"];
                };
            };
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            422: components["responses"]["Mastodon422"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV2Suggestions: {
        parameters: {
            query?: {
                /** @description How many: 40 by default, at most 50 (more is read as 50) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description People you might follow, with why */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Suggestion"][];
                };
            };
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            422: components["responses"]["Mastodon422"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1Suggestions: {
        parameters: {
            query?: {
                /** @description How many: 40 by default, at most 50 (more is read as 50) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description People you might follow (the older form: Accounts alone) */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"][];
                };
            };
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            422: components["responses"]["Mastodon422"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    postApiV1Statuses: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any 1–255 visible ASCII characters, new for each action and the same for its retries: a repeat within 24 hours answers the first result and writes nothing */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The text */
                    status: string;
                    /**
                     * @description Only what a public, plain status has
                     * @constant
                     */
                    visibility?: "public";
                    /**
                     * @description Only what a public, plain status has
                     * @constant
                     */
                    spoiler_text?: "";
                    /**
                     * @description Only what a public, plain status has
                     * @constant
                     */
                    sensitive?: false;
                    in_reply_to_id?: string | null;
                    /** @description Only what a public, plain status has */
                    "media_ids[]"?: string[];
                    /** @description Only what a public, plain status has */
                    poll?: null;
                    /** @description Only what a public, plain status has */
                    scheduled_at?: null;
                    /** @description Only what a public, plain status has */
                    quoted_status_id?: null;
                    /** @description Taken and ignored */
                    language?: string;
                };
                "application/x-www-form-urlencoded": {
                    /** @description The text */
                    status: string;
                    /**
                     * @description Only what a public, plain status has
                     * @constant
                     */
                    visibility?: "public";
                    /**
                     * @description Only what a public, plain status has
                     * @constant
                     */
                    spoiler_text?: "";
                    /**
                     * @description Only what a public, plain status has
                     * @constant
                     */
                    sensitive?: false;
                    in_reply_to_id?: string | null;
                    /** @description Only what a public, plain status has */
                    "media_ids[]"?: string[];
                    /** @description Only what a public, plain status has */
                    poll?: null;
                    /** @description Only what a public, plain status has */
                    scheduled_at?: null;
                    /** @description Only what a public, plain status has */
                    quoted_status_id?: null;
                    /** @description Taken and ignored */
                    language?: string;
                };
                "multipart/form-data": {
                    /** @description The text */
                    status: string;
                    /**
                     * @description Only what a public, plain status has
                     * @constant
                     */
                    visibility?: "public";
                    /**
                     * @description Only what a public, plain status has
                     * @constant
                     */
                    spoiler_text?: "";
                    /**
                     * @description Only what a public, plain status has
                     * @constant
                     */
                    sensitive?: false;
                    in_reply_to_id?: string | null;
                    /** @description Only what a public, plain status has */
                    "media_ids[]"?: string[];
                    /** @description Only what a public, plain status has */
                    poll?: null;
                    /** @description Only what a public, plain status has */
                    scheduled_at?: null;
                    /** @description Only what a public, plain status has */
                    quoted_status_id?: null;
                    /** @description Taken and ignored */
                    language?: string;
                };
            };
        };
        responses: {
            /** @description Post a status */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Status"];
                };
            };
            400: components["responses"]["Mastodon400"];
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            404: components["responses"]["Mastodon404"];
            413: components["responses"]["Mastodon413"];
            415: components["responses"]["Mastodon415"];
            422: components["responses"]["Mastodon422"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1StatusesId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An id: digits */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A status */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Status"];
                };
            };
            400: components["responses"]["Mastodon400"];
            404: components["responses"]["Mastodon404"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    deleteApiV1StatusesId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An id: digits */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Delete one of your statuses */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Status"];
                };
            };
            400: components["responses"]["Mastodon400"];
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            404: components["responses"]["Mastodon404"];
            413: components["responses"]["Mastodon413"];
            415: components["responses"]["Mastodon415"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1StatusesIdContext: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An id: digits */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A status's thread: what it answers, up the chain, and the replies below it */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Context"];
                };
            };
            400: components["responses"]["Mastodon400"];
            404: components["responses"]["Mastodon404"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    postApiV1StatusesIdFavourite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An id: digits */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Like a status */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Status"];
                };
            };
            400: components["responses"]["Mastodon400"];
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            404: components["responses"]["Mastodon404"];
            413: components["responses"]["Mastodon413"];
            415: components["responses"]["Mastodon415"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    postApiV1StatusesIdUnfavourite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An id: digits */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Take your like of a status back */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Status"];
                };
            };
            400: components["responses"]["Mastodon400"];
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            404: components["responses"]["Mastodon404"];
            413: components["responses"]["Mastodon413"];
            415: components["responses"]["Mastodon415"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    postApiV1StatusesIdReblog: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An id: digits */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Repost a status (boost) */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Status"];
                };
            };
            400: components["responses"]["Mastodon400"];
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            404: components["responses"]["Mastodon404"];
            413: components["responses"]["Mastodon413"];
            415: components["responses"]["Mastodon415"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    postApiV1StatusesIdUnreblog: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An id: digits */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Take your repost of a status back */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Status"];
                };
            };
            400: components["responses"]["Mastodon400"];
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            404: components["responses"]["Mastodon404"];
            413: components["responses"]["Mastodon413"];
            415: components["responses"]["Mastodon415"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1StatusesIdFavouritedBy: {
        parameters: {
            query?: {
                /** @description Only items older than this id */
                max_id?: string;
                /** @description Only items newer than this id */
                since_id?: string;
                /** @description The items just newer than this id (still newest first) */
                min_id?: string;
                /** @description How many: 40 by default, at most 80 (more is read as 80) */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description An id: digits */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Who liked a status */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"][];
                };
            };
            400: components["responses"]["Mastodon400"];
            404: components["responses"]["Mastodon404"];
            422: components["responses"]["Mastodon422"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1StatusesIdRebloggedBy: {
        parameters: {
            query?: {
                /** @description Only items older than this id */
                max_id?: string;
                /** @description Only items newer than this id */
                since_id?: string;
                /** @description The items just newer than this id (still newest first) */
                min_id?: string;
                /** @description How many: 40 by default, at most 80 (more is read as 80) */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description An id: digits */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Who reposted a status */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"][];
                };
            };
            400: components["responses"]["Mastodon400"];
            404: components["responses"]["Mastodon404"];
            422: components["responses"]["Mastodon422"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1Favourites: {
        parameters: {
            query?: {
                /** @description Only items older than this id */
                max_id?: string;
                /** @description Only items newer than this id */
                since_id?: string;
                /** @description The items just newer than this id (still newest first) */
                min_id?: string;
                /** @description How many: 20 by default, at most 40 (more is read as 40) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The statuses you liked */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Status"][];
                };
            };
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            422: components["responses"]["Mastodon422"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1TimelinesHome: {
        parameters: {
            query?: {
                /** @description Only items older than this id */
                max_id?: string;
                /** @description Only items newer than this id */
                since_id?: string;
                /** @description The items just newer than this id (still newest first) */
                min_id?: string;
                /** @description How many: 20 by default, at most 40 (more is read as 40) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your statuses and those of whom you follow, newest first */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Status"][];
                };
            };
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            422: components["responses"]["Mastodon422"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1TimelinesPublic: {
        parameters: {
            query?: {
                /** @description Only items older than this id */
                max_id?: string;
                /** @description Only items newer than this id */
                since_id?: string;
                /** @description The items just newer than this id (still newest first) */
                min_id?: string;
                /** @description How many: 20 by default, at most 40 (more is read as 40) */
                limit?: number;
                /** @description Changes nothing: every status is local */
                local?: boolean;
                /** @description Only remote statuses: none */
                remote?: boolean;
                /** @description Only statuses with media: none yet */
                only_media?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Everyone's statuses, newest first */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Status"][];
                };
            };
            422: components["responses"]["Mastodon422"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1TimelinesTagHashtag: {
        parameters: {
            query?: {
                /** @description Only items older than this id */
                max_id?: string;
                /** @description Only items newer than this id */
                since_id?: string;
                /** @description The items just newer than this id (still newest first) */
                min_id?: string;
                /** @description How many: 20 by default, at most 40 (more is read as 40) */
                limit?: number;
                /** @description Changes nothing: every status is local */
                local?: boolean;
                /** @description Only remote statuses: none */
                remote?: boolean;
                /** @description Only statuses with media: none yet */
                only_media?: boolean;
            };
            header?: never;
            path: {
                /** @description An id: digits */
                hashtag: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The statuses carrying a hashtag, newest first */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Status"][];
                };
            };
            400: components["responses"]["Mastodon400"];
            404: components["responses"]["Mastodon404"];
            422: components["responses"]["Mastodon422"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1AccountsIdStatuses: {
        parameters: {
            query?: {
                /** @description Only items older than this id */
                max_id?: string;
                /** @description Only items newer than this id */
                since_id?: string;
                /** @description The items just newer than this id (still newest first) */
                min_id?: string;
                /** @description How many: 20 by default, at most 40 (more is read as 40) */
                limit?: number;
                /** @description Without replies to others (replies to themselves, threads, stay) */
                exclude_replies?: boolean;
                /** @description Without reposts */
                exclude_reblogs?: boolean;
                /** @description Only pinned statuses: none */
                pinned?: boolean;
                /** @description Only statuses with media: none yet */
                only_media?: boolean;
                /** @description Only statuses with this hashtag: none */
                tagged?: string;
            };
            header?: never;
            path: {
                /** @description An id: digits */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An account's statuses, newest first */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Status"][];
                };
            };
            400: components["responses"]["Mastodon400"];
            404: components["responses"]["Mastodon404"];
            422: components["responses"]["Mastodon422"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1StreamingHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whether the streaming API is up: `OK` */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "OK";
                };
            };
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1StreamingUser: {
        parameters: {
            query?: {
                /** @description The token, where no header can be sent */
                access_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your home timeline as it happens (the `user` stream) */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            422: components["responses"]["Mastodon422"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1StreamingUserNotification: {
        parameters: {
            query?: {
                /** @description The token, where no header can be sent */
                access_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your notifications as they happen: heartbeats only, as there are none */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            422: components["responses"]["Mastodon422"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1Lists: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your lists: none */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1Filters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your filters (v1): none */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV2Filters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your filters: none */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1Announcements: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server's announcements: none */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1FollowRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Follow requests to you: none */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1Notifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your notifications: none */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1Bookmarks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your bookmarks: none */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1Blocks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accounts you block: none */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1Mutes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accounts you mute: none */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1DomainBlocks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Domains you block: none */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1Conversations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your direct conversations: none */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1FollowedTags: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Hashtags you follow: none */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1ScheduledStatuses: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your scheduled statuses: none */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1CustomEmojis: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server's custom emoji: none */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1Trends: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Trending hashtags (older path): none */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1TrendsTags: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Trending hashtags: none */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1TrendsStatuses: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Trending statuses: none */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1TrendsLinks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Trending links: none */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1InstanceRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server's rules: none */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1InstancePeers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Servers this one knows: none */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    getApiV1Markers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your saved positions in timelines: none */
            200: {
                headers: {
                    "X-RateLimit-Limit"?: string;
                    "X-RateLimit-Remaining"?: string;
                    "X-RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoMarkers"];
                };
            };
            401: components["responses"]["Mastodon401"];
            403: components["responses"]["Mastodon403"];
            429: components["responses"]["Mastodon429"];
            500: components["responses"]["Mastodon500"];
            503: components["responses"]["Mastodon503"];
        };
    };
    book_get_ping: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The book: answers pong */
            200: {
                headers: {
                    RateLimit?: string;
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            429: components["responses"]["Book429"];
            500: components["responses"]["Book500"];
            503: components["responses"]["Book503"];
        };
    };
    book_post_sign_up: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    username?: string;
                    /** Format: email */
                    email: string;
                    password: string;
                    profile?: string;
                };
            };
        };
        responses: {
            /** @description The book: sign up */
            200: {
                headers: {
                    RateLimit?: string;
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        /** Format: email */
                        email: string;
                        profile: string;
                    };
                };
            };
            400: components["responses"]["Book400"];
            409: components["responses"]["Book409"];
            413: components["responses"]["Book413"];
            429: components["responses"]["Book429"];
            500: components["responses"]["Book500"];
            503: components["responses"]["Book503"];
        };
    };
    book_post_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description The book: log in */
            200: {
                headers: {
                    RateLimit?: string;
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user_id: number;
                        access_token: string;
                    };
                };
            };
            400: components["responses"]["Book400"];
            401: components["responses"]["Book401"];
            413: components["responses"]["Book413"];
            429: components["responses"]["Book429"];
            500: components["responses"]["Book500"];
            503: components["responses"]["Book503"];
        };
    };
    book_post_tweet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    tweet: string;
                };
            };
        };
        responses: {
            /** @description The book: tweet */
            200: {
                headers: {
                    RateLimit?: string;
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Book400"];
            401: components["responses"]["Book401"];
            413: components["responses"]["Book413"];
            429: components["responses"]["Book429"];
            500: components["responses"]["Book500"];
            503: components["responses"]["Book503"];
        };
    };
    book_post_follow: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    follow: number;
                };
            };
        };
        responses: {
            /** @description The book: follow a user */
            200: {
                headers: {
                    RateLimit?: string;
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Book400"];
            401: components["responses"]["Book401"];
            404: components["responses"]["Book404"];
            413: components["responses"]["Book413"];
            429: components["responses"]["Book429"];
            500: components["responses"]["Book500"];
            503: components["responses"]["Book503"];
        };
    };
    book_post_unfollow: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    unfollow: number;
                };
            };
        };
        responses: {
            /** @description The book: unfollow a user */
            200: {
                headers: {
                    RateLimit?: string;
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Book400"];
            401: components["responses"]["Book401"];
            404: components["responses"]["Book404"];
            413: components["responses"]["Book413"];
            429: components["responses"]["Book429"];
            500: components["responses"]["Book500"];
            503: components["responses"]["Book503"];
        };
    };
    book_get_timeline_user_id: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                maxId?: number;
                sinceId?: number;
                minId?: number;
            };
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The book: a user's tweets and those of whom they follow, newest first */
            200: {
                headers: {
                    RateLimit?: string;
                    "RateLimit-Policy"?: string;
                    /** @description The next page, when there is one: `<…?limit=20&cursor=…>; rel="next"` */
                    Link: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookTimeline"];
                };
            };
            400: components["responses"]["Book400"];
            404: components["responses"]["Book404"];
            429: components["responses"]["Book429"];
            500: components["responses"]["Book500"];
            503: components["responses"]["Book503"];
        };
    };
    book_get_timeline: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                maxId?: number;
                sinceId?: number;
                minId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The book: your tweets and those of whom you follow, newest first */
            200: {
                headers: {
                    RateLimit?: string;
                    "RateLimit-Policy"?: string;
                    /** @description The next page, when there is one: `<…?limit=20&cursor=…>; rel="next"` */
                    Link: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookTimeline"];
                };
            };
            400: components["responses"]["Book400"];
            401: components["responses"]["Book401"];
            429: components["responses"]["Book429"];
            500: components["responses"]["Book500"];
            503: components["responses"]["Book503"];
        };
    };
    book_post_profile_picture: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The picture
                     */
                    profile_pic: string;
                };
            };
        };
        responses: {
            /** @description The book: upload a profile picture (multipart, `profile_pic`) */
            200: {
                headers: {
                    RateLimit?: string;
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Book400"];
            401: components["responses"]["Book401"];
            413: components["responses"]["Book413"];
            415: components["responses"]["Book415"];
            429: components["responses"]["Book429"];
            500: components["responses"]["Book500"];
            503: components["responses"]["Book503"];
        };
    };
    book_get_profile_picture_user_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The book: a user's profile picture */
            200: {
                headers: {
                    RateLimit?: string;
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uri */
                        img_url: string;
                    };
                };
            };
            400: components["responses"]["Book400"];
            404: components["responses"]["Book404"];
            429: components["responses"]["Book429"];
            500: components["responses"]["Book500"];
            503: components["responses"]["Book503"];
        };
    };
}
