/**
 * The UI's words in English and Korean (the book's readers), picked from the browser's languages,
 * switchable, and remembered; dates and numbers are formatted for the language with `Intl`.
 */
import type { Scope } from '@miniter/api';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';

/** An issue's parameters (`{ min }`, `{ max }`, `{ rule, found }`, …). */
export type Params = Readonly<Record<string, string | number>>;
/** An issue in words, from its parameters and the names of the character rules. */
type IssueWords = (params: Params, rules: Readonly<Record<string, string>>) => string;

const en = {
  home: 'Home',
  profile: 'Profile',
  explore: 'Explore',
  likes: 'Likes',
  settings: 'Settings',
  logOut: 'Log out',
  language: 'Language',
  logInTitle: 'Log in to Miniter',
  signUpTitle: 'Sign up for Miniter',
  name: 'Name',
  username: 'Handle',
  usernameHint: '1–30 letters (A–Z), digits or _: people find you by it, as @handle',
  bio: 'Bio',
  email: 'Email',
  password: 'Password',
  logIn: 'Log in',
  signUp: 'Sign up',
  toLogIn: 'I have an account: log in',
  toSignUp: 'New here? Sign up',
  sessionEnded: 'Your session has ended: log in again (your draft is kept).',
  compose: 'What is happening?',
  tweet: 'Tweet',
  newTweets: (n: number) => (n === 1 ? '1 new tweet' : `${n} new tweets`),
  yourTimeline: 'Your timeline',
  everyonesTweets: 'Everyone’s tweets',
  tweetsOf: (name: string) => `Tweets by ${name}`,
  noTweets: 'No tweets yet.',
  loadMore: 'Load more',
  delete: 'Delete',
  thisTweet: ' this tweet',
  like: 'Like',
  tweetsYouLiked: 'Tweets you liked',
  repost: 'Repost',
  reposts: 'Reposts',
  /** Above a tweet someone passed on, `handle` a link to their profile. */
  reposted: (handle: ReactNode): ReactNode => <>{handle} reposted</>,
  reply: 'Reply',
  replies: 'Replies',
  replyTo: (handle: string) => `Reply to @${handle}`,
  postReply: 'Post reply',
  replyPosted: 'Your reply is posted.',
  /** Whom a reply answers, `handle` a link to their profile. */
  replyingTo: (handle: ReactNode): ReactNode => <>Replying to {handle}</>,
  replyingToGone: 'Replying to a deleted account',
  thread: 'Thread',
  earlierInThread: 'Earlier in the thread',
  tweetGone: 'This tweet was deleted',
  noReplies: 'No replies yet.',
  moreReplies: 'Show more replies',
  noSuchTweet: 'There is no such tweet: it may have been deleted.',
  logInToReply: 'Log in to reply',
  /** A web address in a tweet: where it opens. */
  opensInNewTab: 'Opens in a new tab',
  /** The page of a hashtag's tweets, `tag` its key (without `#`). */
  hashtagTitle: (tag: string) => `#${tag} – Miniter`,
  taggedTweets: (tag: string) => `Tweets tagged #${tag}`,
  noTaggedTweets: 'No tweets carry this hashtag yet.',
  notAHashtag: 'This is not a hashtag',
  tweets: 'Tweets',
  followers: 'Followers',
  following: 'Following',
  nobodyYet: 'Nobody yet.',
  logOutEverywhere: 'Log out everywhere',
  changePassword: 'Change password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  passwordChanged: 'Password changed: your other sessions have ended.',
  deleteAccount: 'Delete account',
  deleteAccountConfirm: 'Delete my account and all my tweets for good',
  unreachable: 'The server cannot be reached: try again in a moment',
  follow: 'Follow',
  unfollow: 'Unfollow',
  choosePicture: 'New picture',
  preview: 'The picture you chose',
  upload: 'Upload',
  removePicture: 'Remove picture',
  editProfile: 'Edit profile',
  save: 'Save',
  profileSaved: 'Profile saved.',
  noSuchUser: 'There is no such user.',
  search: 'Search people',
  searchResultsFor: (query: string) => `People matching “${query}”`,
  searchCount: (n: number) => (n === 0 ? 'No one found' : n === 1 ? '1 person found' : `${n} people found`),
  /** The header's search box, which also finds hashtags (typed with `#`). */
  searchBox: 'Search people and #hashtags',
  hashtagCount: (n: number) => (n === 0 ? 'No hashtag found' : n === 1 ? '1 hashtag found' : `${n} hashtags found`),
  noOneFound: 'No one found.',
  whoToFollow: 'Who to follow',
  welcome: 'Your timeline is empty for now: follow people and their tweets show here.',
  noSuggestions: 'No suggestions right now.',
  /** What an application may do with your account, by OAuth scope (`@miniter/api`'s `scopes`). */
  scopes: {
    read: 'Read your tweets, follows and profile',
    write: 'Post and delete tweets, follow people and change your profile on your behalf',
    follow: 'Follow and unfollow people, and see whom you follow',
    push: 'Receive your notifications as push messages',
    profile: 'See your profile: name, handle and picture',
    'read:accounts': 'See profiles, yours among them',
    'read:blocks': 'See whom you block',
    'read:bookmarks': 'See your bookmarks',
    'read:favourites': 'See the tweets you liked',
    'read:filters': 'See your filters',
    'read:follows': 'See whom you follow',
    'read:lists': 'See your lists',
    'read:mutes': 'See whom you mute',
    'read:notifications': 'See your notifications',
    'read:search': 'Search on your behalf',
    'read:statuses': 'Read tweets, your timeline among them',
    'write:accounts': 'Change your profile',
    'write:blocks': 'Block and unblock people',
    'write:bookmarks': 'Bookmark tweets',
    'write:conversations': 'Manage your conversations',
    'write:favourites': 'Like tweets',
    'write:filters': 'Change your filters',
    'write:follows': 'Follow and unfollow people',
    'write:lists': 'Change your lists',
    'write:media': 'Upload pictures',
    'write:mutes': 'Mute and unmute people',
    'write:notifications': 'Dismiss your notifications',
    'write:reports': 'Report people and tweets',
    'write:statuses': 'Post and delete tweets on your behalf',
  } satisfies Record<Scope, string>,
  /** The page where you let an application use your account, and the list of those you did. */
  oauth: {
    logInToAuthorize: 'Log in to let an application use your Miniter account.',
    pageTitle: (app: string) => `Authorize ${app} – Miniter`,
    authorizeTitle: (app: string) => `Let ${app} use your account?`,
    website: 'Website:',
    ableTo: 'It will be able to:',
    revokeLater: 'You can revoke its access at any time in Settings.',
    authorize: 'Authorize',
    deny: 'Deny',
    returning: (app: string) => `Returning to ${app}…`,
    codeTitle: 'Your authorization code',
    codeInstructions: (app: string) => `Copy this code and paste it into ${app} to finish.`,
    code: 'Authorization code',
    copy: 'Copy',
    copied: 'Copied.',
    copyByHand: 'Copying is not possible here: the code is selected, copy it with your keyboard or menu.',
    deniedTitle: 'Access denied',
    denied: (app: string) => `${app} cannot use your account. You can close this page.`,
    refusedTitle: 'This authorization request cannot be used',
    refusedHint: 'Go back to the application and try again, or tell its developers.',
    missing: (param: string) => `The request lacks its ${param} parameter.`,
    invalidParam: (param: string) => `The request’s ${param} parameter is not valid.`,
    /** A refusal of the request, by the parameter it is about. */
    refusals: {
      response_type: 'Miniter only answers response_type=code: the application asked for another kind of answer.',
      client_id: 'No application is registered with this client_id.',
      redirect_uri: 'The address to return to (redirect_uri) is not one the application registered.',
      scope: 'The application asks for permissions that do not exist, or that it did not register.',
      code_challenge_method: 'The application’s code challenge method is not supported: only S256 is.',
    },
    authorizedApps: 'Authorized apps',
    noApps: 'No application can use your account.',
    authorizedAt: 'Authorized',
    lastUsed: 'Last used',
    neverUsed: 'Never',
    revoke: 'Revoke',
    revokeApp: (app: string) => `Revoke ${app}`,
    revokeConfirm: (app: string) => `Revoke ${app}’s access? Its sessions end at once.`,
    revokeAccess: 'Revoke access',
    cancel: 'Cancel',
  },
  /** What each input is called where a refusal names it (the server's field names, never shown). */
  fields: {
    name: 'Name',
    username: 'Handle',
    email: 'Email',
    password: 'Password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    profile: 'Bio',
    text: 'Tweet',
    file: 'Picture',
  },
  /** Characters a text refuses, by the server's rule ids. */
  characterRules: {
    control: 'control characters',
    separator: 'line or paragraph separators',
    direction: 'text-direction control characters',
    invisible: 'invisible characters',
    nul: 'the NUL character',
  },
  /** A refusal, by its code (`data.issues`), in words; `refused` for a code this table does not know. */
  issues: {
    too_short: ({ min }: Params) => (min === 1 ? 'Required' : `Must be at least ${min} characters`),
    too_long: ({ max }: Params) => `Must be at most ${max} characters`,
    too_long_bytes: ({ max }: Params) => `Must be at most ${max} bytes (a Korean letter or an emoji takes 3–4)`,
    too_small: ({ minimum }: Params) => `Must be at least ${minimum}`,
    too_big: ({ maximum }: Params) => `Must be at most ${maximum}`,
    invalid_characters: ({ rule, found }: Params, rules: Readonly<Record<string, string>>) =>
      rule === 'surrogate'
        ? 'Must be well-formed text'
        : `Must not contain ${rules[String(rule)] ?? 'this character'}${found ? ` (found ${found})` : ''}`,
    invalid_username: ({ max }: Params) => `Use 1–${max} letters (A–Z), digits or _`,
    reserved_username: () => 'This handle is reserved: choose another',
    invalid_hashtag: () => 'A hashtag is letters, digits or _, with at least one letter or _ (no spaces)',
    invalid_cursor: () => 'This list is out of date: reload the page',
    invalid_format: ({ format }: Params): string =>
      format === 'email' ? 'Enter a valid email address' : 'Invalid format',
    invalid_type: () => 'Missing or invalid value',
    email_taken: () => 'An account with this email already exists',
    username_taken: () => 'This handle is taken: choose another',
    bad_credentials: () => 'Email or password is incorrect',
    wrong_password: () => 'The password is incorrect',
    not_found: () => 'Not found: it may have been deleted',
    unauthorized: () => 'Log in first',
    forbidden: () => 'That is not allowed',
    too_many_requests: ({ seconds }: Params) =>
      seconds ? `Too many requests: try again in ${seconds} seconds` : 'Too many requests: wait a moment and try again',
    payload_too_large: ({ max }: Params) =>
      max ? `The file is too large: at most ${Math.floor(Number(max) / 1024 ** 2)} MB` : 'The file is too large',
    unsupported_media_type: () => 'The file is not an image Miniter can read (PNG, JPEG, WebP or GIF)',
    empty_file: () => 'The file is empty',
    image_too_many_pixels: ({ max }: Params) =>
      `The image is too large: at most ${Number(max).toLocaleString('en')} pixels`,
    unreadable_image: () => 'The image could not be read: is the file complete?',
    service_unavailable: () => 'The service is busy: try again shortly',
    internal_server_error: () => 'Something went wrong on the server',
    refused: () => 'The server refused this',
  } satisfies Record<string, IssueWords>,
};

export type Words = typeof en;

const ko: Words = {
  home: '홈',
  profile: '프로필',
  explore: '둘러보기',
  likes: '좋아요',
  settings: '설정',
  logOut: '로그아웃',
  language: '언어',
  logInTitle: 'Miniter 로그인',
  signUpTitle: 'Miniter 가입',
  name: '이름',
  username: '핸들',
  usernameHint: '영문자, 숫자, _ 1–30자: 다른 사람들이 @핸들로 찾을 수 있습니다',
  bio: '소개',
  email: '이메일',
  password: '비밀번호',
  logIn: '로그인',
  signUp: '가입하기',
  toLogIn: '계정이 있어요: 로그인',
  toSignUp: '처음이신가요? 가입하기',
  sessionEnded: '세션이 끝났습니다. 다시 로그인하세요 (작성 중인 글은 남아 있습니다).',
  compose: '무슨 일이 일어나고 있나요?',
  tweet: '트윗',
  newTweets: (n: number) => `새 트윗 ${n}개`,
  yourTimeline: '내 타임라인',
  everyonesTweets: '모든 사람의 트윗',
  tweetsOf: (name: string) => `${name}님의 트윗`,
  noTweets: '아직 트윗이 없습니다.',
  loadMore: '더 보기',
  delete: '삭제',
  thisTweet: ' (이 트윗)',
  like: '좋아요',
  tweetsYouLiked: '내가 좋아요한 트윗',
  repost: '재게시',
  reposts: '재게시',
  reposted: (handle) => <>{handle}님이 재게시했습니다</>,
  reply: '답글',
  replies: '답글',
  replyTo: (handle) => `@${handle}님에게 답글 쓰기`,
  postReply: '답글 달기',
  replyPosted: '답글을 올렸습니다.',
  replyingTo: (handle) => <>{handle}님에게 보낸 답글</>,
  replyingToGone: '삭제된 계정에 보낸 답글',
  thread: '스레드',
  earlierInThread: '앞선 대화',
  tweetGone: '삭제된 트윗입니다',
  noReplies: '아직 답글이 없습니다.',
  moreReplies: '답글 더 보기',
  noSuchTweet: '그런 트윗이 없습니다. 삭제되었을 수 있습니다.',
  logInToReply: '로그인하고 답글 달기',
  opensInNewTab: '새 탭에서 열립니다',
  hashtagTitle: (tag) => `#${tag} – Miniter`,
  taggedTweets: (tag) => `#${tag} 해시태그가 달린 트윗`,
  noTaggedTweets: '아직 이 해시태그가 달린 트윗이 없습니다.',
  notAHashtag: '해시태그가 아닙니다',
  tweets: '트윗',
  followers: '팔로워',
  following: '팔로잉',
  nobodyYet: '아직 아무도 없습니다.',
  logOutEverywhere: '모든 기기에서 로그아웃',
  changePassword: '비밀번호 변경',
  currentPassword: '현재 비밀번호',
  newPassword: '새 비밀번호',
  passwordChanged: '비밀번호를 바꿨습니다. 다른 세션은 모두 끝났습니다.',
  deleteAccount: '계정 삭제',
  deleteAccountConfirm: '내 계정과 트윗을 모두 영구히 삭제합니다',
  unreachable: '서버에 연결할 수 없습니다. 잠시 후 다시 시도하세요',
  follow: '팔로우',
  unfollow: '언팔로우',
  choosePicture: '새 사진',
  preview: '고른 사진',
  upload: '올리기',
  removePicture: '사진 지우기',
  editProfile: '프로필 편집',
  save: '저장',
  profileSaved: '프로필을 저장했습니다.',
  noSuchUser: '그런 사용자가 없습니다.',
  search: '사람 찾기',
  searchResultsFor: (query: string) => `“${query}” 검색 결과`,
  searchCount: (n: number) => (n === 0 ? '찾은 사람이 없습니다' : `${n}명을 찾았습니다`),
  searchBox: '사람과 #해시태그 찾기',
  hashtagCount: (n: number) => (n === 0 ? '찾은 해시태그가 없습니다' : `해시태그 ${n}개를 찾았습니다`),
  noOneFound: '찾은 사람이 없습니다.',
  whoToFollow: '팔로우할 만한 사람',
  welcome: '아직 타임라인이 비어 있습니다. 사람들을 팔로우하면 그들의 트윗이 여기에 나옵니다.',
  noSuggestions: '지금은 추천할 사람이 없습니다.',
  scopes: {
    read: '내 트윗, 팔로우, 프로필 읽기',
    write: '나 대신 트윗 올리기와 지우기, 팔로우, 프로필 바꾸기',
    follow: '다른 사람 팔로우와 언팔로우, 내가 팔로우하는 사람 보기',
    push: '알림을 푸시 메시지로 받기',
    profile: '내 프로필(이름, 핸들, 사진) 보기',
    'read:accounts': '프로필 보기 (내 프로필 포함)',
    'read:blocks': '내가 차단한 사람 보기',
    'read:bookmarks': '내 북마크 보기',
    'read:favourites': '내가 좋아한 트윗 보기',
    'read:filters': '내 필터 보기',
    'read:follows': '내가 팔로우하는 사람 보기',
    'read:lists': '내 리스트 보기',
    'read:mutes': '내가 뮤트한 사람 보기',
    'read:notifications': '내 알림 보기',
    'read:search': '나 대신 검색하기',
    'read:statuses': '트윗 읽기 (내 타임라인 포함)',
    'write:accounts': '내 프로필 바꾸기',
    'write:blocks': '다른 사람 차단과 차단 해제',
    'write:bookmarks': '트윗 북마크하기',
    'write:conversations': '내 대화 관리하기',
    'write:favourites': '트윗 좋아하기',
    'write:filters': '내 필터 바꾸기',
    'write:follows': '다른 사람 팔로우와 언팔로우',
    'write:lists': '내 리스트 바꾸기',
    'write:media': '사진 올리기',
    'write:mutes': '다른 사람 뮤트와 뮤트 해제',
    'write:notifications': '내 알림 지우기',
    'write:reports': '사람과 트윗 신고하기',
    'write:statuses': '나 대신 트윗 올리기와 지우기',
  },
  oauth: {
    logInToAuthorize: '애플리케이션이 내 Miniter 계정을 쓰도록 허용하려면 로그인하세요.',
    pageTitle: (app) => `${app} 승인 – Miniter`,
    authorizeTitle: (app) => `${app}에 내 계정 사용을 허용할까요?`,
    website: '웹사이트:',
    ableTo: '이 애플리케이션이 할 수 있는 일:',
    revokeLater: '설정에서 언제든지 접근 권한을 취소할 수 있습니다.',
    authorize: '허용',
    deny: '거부',
    returning: (app) => `${app} 애플리케이션으로 돌아가는 중…`,
    codeTitle: '승인 코드',
    codeInstructions: (app) => `이 코드를 복사해 ${app}에 붙여 넣으면 끝납니다.`,
    code: '승인 코드',
    copy: '복사',
    copied: '복사했습니다.',
    copyByHand: '여기서는 복사할 수 없습니다. 코드를 선택해 두었으니 키보드나 메뉴로 복사하세요.',
    deniedTitle: '접근을 거부했습니다',
    denied: (app) => `${app}은(는) 내 계정을 쓸 수 없습니다. 이 페이지를 닫아도 됩니다.`,
    refusedTitle: '이 승인 요청은 쓸 수 없습니다',
    refusedHint: '애플리케이션으로 돌아가 다시 시도하거나 개발자에게 알려 주세요.',
    missing: (param) => `요청에 ${param} 매개변수가 없습니다.`,
    invalidParam: (param) => `요청의 ${param} 매개변수가 올바르지 않습니다.`,
    refusals: {
      response_type: 'Miniter는 response_type=code만 지원합니다. 이 애플리케이션은 다른 응답 방식을 요청했습니다.',
      client_id: '이 client_id로 등록된 애플리케이션이 없습니다.',
      redirect_uri: '돌아갈 주소(redirect_uri)가 이 애플리케이션이 등록한 주소가 아닙니다.',
      scope: '이 애플리케이션이 없는 권한이나 등록하지 않은 권한을 요청했습니다.',
      code_challenge_method: '이 애플리케이션의 코드 챌린지 방식은 지원하지 않습니다. S256만 지원합니다.',
    },
    authorizedApps: '승인한 애플리케이션',
    noApps: '내 계정을 쓸 수 있는 애플리케이션이 없습니다.',
    authorizedAt: '승인',
    lastUsed: '마지막 사용',
    neverUsed: '사용한 적 없음',
    revoke: '권한 취소',
    revokeApp: (app) => `${app} 권한 취소`,
    revokeConfirm: (app) => `${app}의 접근 권한을 취소할까요? 그 세션은 바로 끝납니다.`,
    revokeAccess: '접근 권한 취소',
    cancel: '취소',
  },
  fields: {
    name: '이름',
    username: '핸들',
    email: '이메일',
    password: '비밀번호',
    currentPassword: '현재 비밀번호',
    newPassword: '새 비밀번호',
    profile: '소개',
    text: '트윗',
    file: '사진',
  },
  characterRules: {
    control: '제어 문자',
    separator: '줄 또는 문단 구분 문자',
    direction: '텍스트 방향 제어 문자',
    invisible: '보이지 않는 문자',
    nul: 'NUL 문자',
  },
  issues: {
    too_short: ({ min }) => (min === 1 ? '필수 항목입니다' : `${min}자 이상이어야 합니다`),
    too_long: ({ max }) => `${max}자 이하여야 합니다`,
    too_long_bytes: ({ max }) => `${max}바이트 이하여야 합니다 (한글 한 글자나 이모지는 3–4바이트)`,
    too_small: ({ minimum }) => `${minimum} 이상이어야 합니다`,
    too_big: ({ maximum }) => `${maximum} 이하여야 합니다`,
    invalid_characters: ({ rule, found }, rules) =>
      rule === 'surrogate'
        ? '올바른 유니코드 텍스트가 아닙니다'
        : `${rules[String(rule)] ?? '이 문자'}는 쓸 수 없습니다${found ? ` (${found})` : ''}`,
    invalid_username: ({ max }) => `영문자(A–Z), 숫자, _로 1–${max}자여야 합니다`,
    reserved_username: () => '예약된 핸들입니다. 다른 핸들을 고르세요',
    invalid_hashtag: () => '해시태그는 글자, 숫자, _로 쓰며 글자나 _가 하나 이상 있어야 합니다 (빈칸 없이)',
    invalid_cursor: () => '목록이 오래되었습니다. 페이지를 새로고침하세요',
    invalid_format: ({ format }) =>
      format === 'email' ? '올바른 이메일 주소를 입력하세요' : '형식이 올바르지 않습니다',
    invalid_type: () => '값이 없거나 올바르지 않습니다',
    email_taken: () => '이미 이 이메일로 가입한 계정이 있습니다',
    username_taken: () => '이미 쓰이는 핸들입니다. 다른 핸들을 고르세요',
    bad_credentials: () => '이메일 또는 비밀번호가 올바르지 않습니다',
    wrong_password: () => '비밀번호가 올바르지 않습니다',
    not_found: () => '찾을 수 없습니다. 삭제되었을 수 있습니다',
    unauthorized: () => '먼저 로그인하세요',
    forbidden: () => '허용되지 않는 작업입니다',
    too_many_requests: ({ seconds }) =>
      seconds
        ? `요청이 너무 많습니다. ${seconds}초 후 다시 시도하세요`
        : '요청이 너무 많습니다. 잠시 후 다시 시도하세요',
    payload_too_large: ({ max }) =>
      max
        ? `파일이 너무 큽니다. 최대 ${Math.floor(Number(max) / 1024 ** 2)}MB까지 올릴 수 있습니다`
        : '파일이 너무 큽니다',
    unsupported_media_type: () => 'Miniter가 읽을 수 있는 이미지가 아닙니다 (PNG, JPEG, WebP, GIF)',
    empty_file: () => '빈 파일입니다',
    image_too_many_pixels: ({ max }) => `이미지가 너무 큽니다. 최대 ${Number(max).toLocaleString('ko')}픽셀까지 됩니다`,
    unreadable_image: () => '이미지를 읽을 수 없습니다. 파일이 온전한가요?',
    service_unavailable: () => '서비스가 바쁩니다. 잠시 후 다시 시도하세요',
    internal_server_error: () => '서버에 문제가 생겼습니다',
    refused: () => '서버가 요청을 거절했습니다',
  },
};

export const languages = { en: { name: 'English', words: en }, ko: { name: '한국어', words: ko } } as const;
export type Language = keyof typeof languages;

const key = 'miniter.language';

function initialLanguage(): Language {
  const saved = localStorage.getItem(key);
  if (saved === 'en' || saved === 'ko') return saved;
  return navigator.languages.some((tag) => tag.toLowerCase().startsWith('ko')) ? 'ko' : 'en';
}

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Words;
  dates: Intl.DateTimeFormat;
  numbers: Intl.NumberFormat;
  relative: Intl.RelativeTimeFormat;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState(initialLanguage);
  const value = useMemo<I18n>(() => {
    document.documentElement.lang = language;
    return {
      language,
      setLanguage: (next) => {
        localStorage.setItem(key, next);
        setLanguage(next);
      },
      t: languages[language].words,
      dates: new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }),
      numbers: new Intl.NumberFormat(language),
      relative: new Intl.RelativeTimeFormat(language, { numeric: 'auto' }),
    };
  }, [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <label className="language">
      {t.language}{' '}
      <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
        {Object.entries(languages).map(([code, { name }]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
