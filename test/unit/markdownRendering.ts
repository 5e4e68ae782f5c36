/**
 * Renders Markdown the way a strict CommonMark + GFM renderer does (markdown-it with raw
 * HTML and linkify on: the most permissive setting), so tests can check what a reader
 * would see, not just which characters were escaped.
 */
// markdown-it ships without types and comes with @vscode/vsce; the tests need only this.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt: new (options: object) => { render(src: string): string } = require('markdown-it');

const renderer = new MarkdownIt({ html: true, linkify: true });

export function renderMarkdown(markdown: string): string {
  return renderer.render(markdown);
}

/** The visible text of rendered Markdown: tags removed, entities decoded, white space collapsed. */
export function visibleText(markdown: string): string {
  return renderMarkdown(markdown)
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every tag name in the rendered HTML (lower-case). */
export function tagsIn(markdown: string): string[] {
  return [...renderMarkdown(markdown).matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase());
}

/** Every href in the rendered HTML. */
export function hrefsIn(markdown: string): string[] {
  return [...renderMarkdown(markdown).matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
}
