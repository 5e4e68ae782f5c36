/**
 * Writes the verification report (the same renderers as `claim-lens report`) for every
 * sidecar in the workspace, in a format and to a file the user chooses.
 */
import * as vscode from 'vscode';
import { analyze } from '../../core/analyze';
import { isReportFormat, renderReport, REPORT_FORMATS, type CheckedSidecar, type ReportFormat } from '../../core/report';
import type { ArticleState } from '../claimStore';
import type { CommandContext } from '../commands';
import { fail } from '../sidecarWriter';
import { showInformation } from '../notifications';

const FORMAT_INFO: Readonly<Record<ReportFormat, { label: string; extension: string; fileName: string }>> = {
  markdown: { label: 'Markdown', extension: 'md', fileName: 'claims-report.md' },
  json: { label: 'JSON', extension: 'json', fileName: 'claims-report.json' },
  csv: { label: 'CSV', extension: 'csv', fileName: 'claims-report.csv' },
  claimreview: { label: 'ClaimReview (schema.org JSON-LD)', extension: 'jsonld', fileName: 'claim-review.jsonld' },
};

/** `claimLens.exportReport(format?, target?)`: asks for whichever is not given; returns the file written. */
export async function exportReportCommand(ctx: CommandContext, formatArg?: unknown, targetArg?: unknown): Promise<vscode.Uri | undefined> {
  const states = ctx.store.all();
  if (states.length === 0) {
    fail(vscode.l10n.t('There are no claims files in this workspace to report on.'));
    return undefined;
  }
  const format = isReportFormat(formatArg) ? formatArg : await pickFormat();
  if (!format) return undefined;
  const info = FORMAT_INFO[format];
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target =
    targetArg instanceof vscode.Uri
      ? targetArg
      : await vscode.window.showSaveDialog({
          defaultUri: folder && vscode.Uri.joinPath(folder, info.fileName),
          filters: { [info.label]: [info.extension] },
          saveLabel: vscode.l10n.t('Export Report'),
        });
  if (!target) return undefined;
  const report = renderReport(format, states.map(checkedSidecar));
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(report));
  if (!(targetArg instanceof vscode.Uri)) {
    const open = vscode.l10n.t('Open Report');
    void showInformation(vscode.l10n.t('Report written to {0}.', vscode.workspace.asRelativePath(target)), open).then((choice) => {
      if (choice === open) void vscode.window.showTextDocument(target);
    });
  }
  return target;
}

async function pickFormat(): Promise<ReportFormat | undefined> {
  const items = REPORT_FORMATS.map((format) => ({ label: FORMAT_INFO[format].label, description: format, format }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Report format') });
  return picked?.format;
}

/**
 * The state re-analysed under workspace-relative paths, as the CLI reports paths
 * relative to where it runs (the analysis is pure and quick; the texts are the ones
 * the editor shows).
 */
function checkedSidecar(state: ArticleState): CheckedSidecar {
  const relative = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri);
  const missing = state.analysis.problems.find((p) => p.code === 'article-missing');
  const analysis = analyze({
    sidecarPath: relative(state.sidecarUri),
    sidecarText: state.sidecarText,
    ...(state.articleUri && { articlePath: relative(state.articleUri) }),
    ...(state.articleText !== undefined && { articleText: state.articleText }),
    ...(missing && { articleMissing: missing.message }),
  });
  return state.articleText !== undefined ? { analysis, articleText: state.articleText } : { analysis };
}
