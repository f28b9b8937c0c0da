import type { Words } from './i18n.tsx';

/**
 * Scopes in plain words, each sentence once: a granular scope (`read:statuses`) goes unsaid beside
 * the high-level one that holds it (`read`). A scope the table lacks (the server admits none) shows
 * as it is rather than vanish from what a person agrees to.
 */
export function scopeWords(t: Words, scopes: readonly string[]): string[] {
  const said = scopes.filter((scope) => {
    const [family, part] = scope.split(':');
    return !(part && family && scopes.includes(family));
  });
  const words = (scope: string) => (Object.hasOwn(t.scopes, scope) ? t.scopes[scope as keyof Words['scopes']] : scope);
  return [...new Set(said.map(words))];
}
