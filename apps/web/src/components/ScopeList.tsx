import { useI18n } from '../i18n.tsx';
import { scopeWords } from '../scope-words.ts';

/** What an application may do with your account, in plain words. */
export function ScopeList({ scopes, labelledBy }: { scopes: readonly string[]; labelledBy?: string }) {
  const { t } = useI18n();
  return (
    <ul className="scopes" aria-labelledby={labelledBy}>
      {scopeWords(t, scopes).map((words) => (
        <li key={words}>{words}</li>
      ))}
    </ul>
  );
}
