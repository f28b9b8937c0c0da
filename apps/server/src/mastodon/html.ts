/**
 * Plain text as the HTML Mastodon's clients render: escaped, a paragraph per blank-line-separated
 * block, `<br />` for a line break within one, and web addresses as links that leave the page.
 */
const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c] as string);

/** An address up to whitespace, less the punctuation that ends a sentence around it. */
const url = /\bhttps?:\/\/[^\s<>"]+/gi;
const trailing = /[.,;:!?'")\]]+$/;

function linked(line: string): string {
  let html = '';
  let last = 0;
  for (const match of line.matchAll(url)) {
    const address = match[0].replace(trailing, '');
    html += escapeHtml(line.slice(last, match.index));
    html += `<a href="${escapeHtml(address)}" rel="nofollow noopener noreferrer" target="_blank">${escapeHtml(address)}</a>`;
    last = match.index + address.length;
  }
  return html + escapeHtml(line.slice(last));
}

export function textToHtml(text: string): string {
  const paragraphs = text.split(/\n{2,}/).filter((p) => p.trim() !== '');
  return paragraphs.map((p) => `<p>${p.split('\n').map(linked).join('<br />')}</p>`).join('');
}
