import { showControls } from './text';

/**
 * Markdown from untrusted text. Sidecar strings are data, never markup: every string
 * goes through `escapeMarkdown`, every link through `safeUrl` (http and https only).
 */

/**
 * Text that renders as itself in CommonMark/GFM: HTML is neutralised with entities,
 * other ASCII punctuation is backslash-escaped (links, images, emphasis, code spans,
 * autolinks, headings, lists, tables, theme icons; '-', '+', '=' only where they could
 * start a list, a rule or a heading, so words like in-review stay readable), and runs of
 * white space become one space so the text can start neither a new block nor an
 * indented code block. Control characters and bidirectional overrides show as `\uXXXX`.
 */
export function escapeMarkdown(text: string): string {
  return showControls(text.replace(/[ \t\r\n\f\v\u2028\u2029]+/g, ' '))
    .replace(/[!"#$%&'()*,./:;<>?@[\\\]^_`{|}~]/g, (c) => HTML_ENTITIES[c] ?? `\\${c}`)
    // '-', '+' and '=' only make markup at the start of a line (lists, setext headings, rules).
    .replace(/^( ?)([-+=])/, '$1\\$2');
}

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * The URL normalised and safe to put in a Markdown link destination, or undefined
 * unless it is an absolute http or https URL. Characters that could end the
 * destination or start markup are percent-encoded.
 */
export function safeUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return parsed.href.replace(/[^A-Za-z0-9\-._~:/?#@!$&+,;=%]/g, percentEncode);
}

function percentEncode(c: string): string {
  return `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

/** `[label](url)` with the label escaped, or the escaped label alone when the URL is not safe. */
export function markdownLink(label: string, url: string | undefined): string {
  const href = url === undefined ? undefined : safeUrl(url);
  return href ? `[${escapeMarkdown(label)}](${href})` : escapeMarkdown(label);
}
