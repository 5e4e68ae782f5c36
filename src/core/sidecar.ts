/**
 * Loading a sidecar: YAML Document (positions kept) + one zod schema + problems.
 * STUB: the signature is the contract; the sidecar helper fills it in.
 */
import type { Claim, Problem, Source } from './types';

export interface ParsedSidecar {
  /** Path of the sidecar as given (used in every Problem's `file`). */
  file: string;
  /** False when the YAML does not parse: such a sidecar is never written. */
  parsed: boolean;
  /** The `article:` field, if present and a string. */
  article?: string;
  /** Claims that could be loaded (a bad field in one claim never drops the others). */
  claims: Claim[];
  /** Shared sources by id. */
  sources: ReadonlyMap<string, Source>;
  problems: Problem[];
}

export function parseSidecar(text: string, file: string): ParsedSidecar {
  void text;
  return { file, parsed: false, claims: [], sources: new Map(), problems: [] };
}
