/**
 * The UI's words in English and Korean (the book's readers), picked from the browser's languages,
 * switchable, and remembered; dates and numbers are formatted for the language with `Intl`.
 */
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';

const en = {
  home: 'Home',
  profile: 'Profile',
  settings: 'Settings',
  logOut: 'Log out',
  language: 'Language',
  logInTitle: 'Log in to Miniter',
  signUpTitle: 'Sign up for Miniter',
  name: 'Name',
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
  tweetsOf: (name: string) => `Tweets by ${name}`,
  noTweets: 'No tweets yet.',
  loadMore: 'Load more',
  delete: 'Delete',
  thisTweet: ' this tweet',
  tweets: 'Tweets',
  followers: 'Followers',
  following: 'Following',
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
};

type Words = typeof en;

const ko: Words = {
  home: '홈',
  profile: '프로필',
  settings: '설정',
  logOut: '로그아웃',
  language: '언어',
  logInTitle: 'Miniter 로그인',
  signUpTitle: 'Miniter 가입',
  name: '이름',
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
  tweetsOf: (name: string) => `${name}님의 트윗`,
  noTweets: '아직 트윗이 없습니다.',
  loadMore: '더 보기',
  delete: '삭제',
  thisTweet: ' (이 트윗)',
  tweets: '트윗',
  followers: '팔로워',
  following: '팔로잉',
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
