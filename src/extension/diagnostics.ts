/**
 * Every core Problem in the Problems panel: on the sidecar (at the offending node or
 * claim entry) and, for fuzzy and ambiguous anchors, also on the article range. The
 * core's fixes (rewrite a drifted quote, add a disambiguating prefix, replace a
 * misspelt status) are offered as quick fixes.
 */
import * as vscode from 'vscode';
import { fixKeepsData } from '../core/edits';
import { LineIndex } from '../core/lineIndex';
import type { Problem, ProblemFix, TextRange } from '../core/types';
import type { ArticleState, ClaimStoreApi } from './claimStore';

export const DIAGNOSTIC_SOURCE = 'Claim Lens';

/** One Problem placed in one file. */
interface Placed {
  uri: vscode.Uri;
  diagnostic: vscode.Diagnostic;
  problem: Problem;
  state: ArticleState;
}

/** Offsets into `text` -> a Range (1-based core positions -> 0-based VS Code ones). */
function toRange(index: LineIndex, range: TextRange): vscode.Range {
  const start = index.positionAt(range.start);
  const end = index.positionAt(range.end);
  return new vscode.Range(start.line - 1, start.column - 1, end.line - 1, end.column - 1);
}

/** The Problems of one sidecar's analysis, placed on the sidecar and the article. */
function place(state: ArticleState): Placed[] {
  const sidecarIndex = new LineIndex(state.sidecarText);
  const articleIndex = state.articleText === undefined ? undefined : new LineIndex(state.articleText);
  const out: Placed[] = [];
  for (const problem of state.analysis.problems) {
    const inArticle = state.articleUri !== undefined && problem.file === state.articleUri.path && problem.file !== state.sidecarUri.path;
    const uri = inArticle ? state.articleUri! : state.sidecarUri;
    const index = inArticle ? articleIndex : sidecarIndex;
    const range = problem.range && index
      ? toRange(index, problem.range)
      : new vscode.Range(problem.line - 1, problem.column - 1, problem.line - 1, problem.column - 1);
    const diagnostic = makeDiagnostic(problem, range);
    out.push({ uri, diagnostic, problem, state });

    if (problem.article && state.articleUri && articleIndex) {
      const articleRange = toRange(articleIndex, problem.article.range);
      const onArticle = makeDiagnostic(problem, articleRange);
      diagnostic.relatedInformation = [
        new vscode.DiagnosticRelatedInformation(new vscode.Location(state.articleUri, articleRange), vscode.l10n.t('Anchored here in the article')),
      ];
      onArticle.relatedInformation = [
        new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, range), vscode.l10n.t('The claim in the claims file')),
      ];
      out.push({ uri: state.articleUri, diagnostic: onArticle, problem, state });
    }
  }
  return out;
}

function makeDiagnostic(problem: Problem, range: vscode.Range): vscode.Diagnostic {
  const severity = problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
  const diagnostic = new vscode.Diagnostic(range, problem.message, severity);
  diagnostic.code = problem.code;
  diagnostic.source = DIAGNOSTIC_SOURCE;
  return diagnostic;
}

export class ClaimDiagnostics implements vscode.Disposable, vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];
  private readonly collection = vscode.languages.createDiagnosticCollection('claimLens');
  /** The last update's problems by file (uri string), for the quick fixes. */
  private placed = new Map<string, Placed[]>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly store: ClaimStoreApi) {
    this.disposables = [
      this.collection,
      store.onDidChange(() => this.update()),
      vscode.languages.registerCodeActionsProvider({ pattern: '**/*' }, this, {
        providedCodeActionKinds: ClaimDiagnostics.providedCodeActionKinds,
      }),
    ];
    this.update();
  }

  update(): void {
    const byUri = new Map<string, { uri: vscode.Uri; placed: Placed[] }>();
    for (const state of this.store.all()) {
      for (const placed of place(state)) {
        const key = placed.uri.toString();
        const entry = byUri.get(key) ?? { uri: placed.uri, placed: [] };
        entry.placed.push(placed);
        byUri.set(key, entry);
      }
    }
    this.placed = new Map([...byUri].map(([key, e]) => [key, e.placed]));
    this.collection.clear();
    this.collection.set([...byUri.values()].map((e) => [e.uri, e.placed.map((p) => p.diagnostic)]));
  }

  /**
   * Asked on every cursor move: answers from the problems placed by the last update,
   * and reads the document's text only when a fix is under the cursor.
   */
  provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const here = (this.placed.get(document.uri.toString()) ?? []).filter(
      (p) => p.problem.fixes?.length && p.diagnostic.range.intersection(range),
    );
    if (here.length === 0) return [];
    const text = document.getText();
    const actions: vscode.CodeAction[] = [];
    for (const placed of here) {
      const { state } = placed;
      const analyzed = placed.uri.toString() === state.sidecarUri.toString() ? state.sidecarText : state.articleText;
      // Fixes are offsets into the analyzed texts: offer none while the store catches up.
      if (text !== analyzed) continue;
      const shown = context.diagnostics.filter(
        (d) => d.source === DIAGNOSTIC_SOURCE && d.code === placed.problem.code && d.range.isEqual(placed.diagnostic.range),
      );
      for (const fix of placed.problem.fixes!) {
        const action = this.action(fix, placed, shown);
        if (action) actions.push(action);
      }
    }
    return actions;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private action(fix: ProblemFix, placed: Placed, diagnostics: vscode.Diagnostic[]): vscode.CodeAction | undefined {
    const { state } = placed;
    const uri = fix.target === 'article' ? state.articleUri : state.sidecarUri;
    const text = fix.target === 'article' ? state.articleText : state.sidecarText;
    if (!uri || text === undefined) return undefined;
    // Made for the one offered (a fix may find it has nothing to do), and checked now:
    // once per fix (it parses the sidecar twice), not on every move of the cursor in it.
    if (fix.edits.length === 0 || (fix.target === 'sidecar' && !keepsData(text, fix))) return undefined;
    const index = new LineIndex(text);
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    for (const edit of fix.edits) action.edit.replace(uri, toRange(index, edit), edit.newText);
    action.diagnostics = diagnostics.length > 0 ? diagnostics : [placed.diagnostic];
    action.isPreferred = placed.problem.fixes?.length === 1;
    return action;
  }
}

/** `fixKeepsData`, remembered for each fix (a fix belongs to one analysis, so to one text). */
const checkedFixes = new WeakMap<ProblemFix, boolean>();

function keepsData(text: string, fix: ProblemFix): boolean {
  let keeps = checkedFixes.get(fix);
  if (keeps === undefined) checkedFixes.set(fix, (keeps = fixKeepsData(text, fix)));
  return keeps;
}
