import type { TextRange } from './types';

/** Text shortened for one line of UI: a tree label, a quick pick, a problem message. */
export function shortText(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Characters a terminal or a text view acts on instead of showing: the C0 and C1
 * controls but tab and line breaks, DEL, and the bidirectional embeddings, overrides
 * and isolates that reorder what surrounds them ("Trojan Source"). Sidecar and article
 * text is untrusted: printed raw, an escape sequence in a note can retitle a terminal
 * or recolour what follows.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSHOWABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `\u001B` for the code unit c. */
function unicodeEscape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` with every unshowable character written out as `\uXXXX`, so it prints as text. */
export function showControls(text: string): string {
  return text.replace(UNSHOWABLE, unicodeEscape);
}

/**
 * A file path on one line of output, as text: `showControls`, and tab and line breaks
 * written out too. A folder named with a line break would otherwise start a line of
 * its own, which a CI annotator reads as `file:line:col: error ...` of its choosing.
 */
export function showPath(path: string): string {
  return showControls(path).replace(/[\t\n\r]/g, unicodeEscape);
}

/**
 * JSON text (as `JSON.stringify` writes it) with the same characters as `\uXXXX`
 * escapes, which parse back to the same strings: such characters only occur inside
 * string literals. `html` also escapes `<`, `>` and `&`, so a document pasted into an
 * HTML `<script>` element (JSON-LD) cannot close it.
 */
export function safeJson(json: string, html = false): string {
  const escaped = json.replace(UNSHOWABLE, unicodeEscape);
  return html ? escaped.replace(/[<>&]/g, unicodeEscape) : escaped;
}

/**
 * `text` for a VS Code notification: its message is not Markdown, but the workbench
 * turns `[label](command:…)`, `[label](https://…)` and `[label](file:…)` in it into
 * links, and opens a command link with commands allowed. A file name or a value from
 * a sidecar (untrusted) that spells one would show a button-like link that runs any
 * command, installing an extension included. A zero-width space after every `](`
 * breaks that form and shows the same text.
 */
export function notificationText(text: string): string {
  return text.replace(/\]\(/g, ']\u200B(');
}

/** `range` of `text` without the white space at its ends (what `String.prototype.trim` removes); empty when nothing is left. */
export function trimmedRange(text: string, range: TextRange): TextRange {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Start offsets of every (possibly overlapping) occurrence of `needle` in `text`. */
export function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}
