/**
 * Plain text as the HTML Mastodon's clients render: escaped, a paragraph per blank-line-separated
 * block, `<br />` for a line break within one, web addresses as links that leave the page, and in
 * a status its mentions and hashtags linked as Mastodon links them (the runs `tweetRuns` reads).
 */

import { hashtagKey, type TweetRun, tweetRuns } from '@miniter/api/tweet-text';
import { usernameKey } from '@miniter/db/handles';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c] as string);

/** What a status links besides web addresses: the accounts it mentions (by handle key), and its tags. */
export interface StatusLinks {
  origin: string;
  mentioned: ReadonlySet<string>;
}

function runHtml(run: TweetRun, links: StatusLinks | undefined): string {
  if (run.kind === 'url') {
    const address = escapeHtml(run.text);
    return `<a href="${address}" rel="nofollow noopener noreferrer" target="_blank">${address}</a>`;
  }
  if (run.kind === 'mention' && links?.mentioned.has(usernameKey(run.username))) {
    const name = escapeHtml(run.username);
    return `<span class="h-card" translate="no"><a href="${escapeHtml(links.origin)}/@${name}" class="u-url mention">@<span>${name}</span></a></span>`;
  }
  if (run.kind === 'hashtag' && links) {
    const href = `${links.origin}/tags/${encodeURIComponent(hashtagKey(run.tag))}`;
    return `<a href="${escapeHtml(href)}" class="mention hashtag" rel="tag">#<span>${escapeHtml(run.tag)}</span></a>`;
  }
  return escapeHtml(run.text);
}

const lineHtml = (line: string, links: StatusLinks | undefined) =>
  tweetRuns(line)
    .map((run) => runHtml(run, links))
    .join('');

export function textToHtml(text: string, links?: StatusLinks): string {
  const paragraphs = text.split(/\n{2,}/).filter((p) => p.trim() !== '');
  return paragraphs
    .map(
      (p) =>
        `<p>${p
          .split('\n')
          .map((line) => lineHtml(line, links))
          .join('<br />')}</p>`,
    )
    .join('');
}
