/**
 * Problems in VS Code's Problems panel: every core problem on the sidecar with its code
 * and source, fuzzy and ambiguous ones also on the article, and the core's fixes as
 * quick fixes that really fix.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ARTICLE, CLAIM_TEXT, claimLens, Fixture, rangeOf, SIDECAR, until } from './claimFixture';

const MISSPELT = `version: 1
claims:
  - id: misspelt
    quote: we have evidence
    status: verifed
`;

describe('Claim problems', () => {
  let fixture: Fixture;
  const sidecar = () => fixture.uri('article.claims.yaml');
  const article = () => fixture.uri('article.txt');
  const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Claim Lens');
  const codes = (uri: vscode.Uri) => ours(uri).map((d) => `${d.code}@${d.range.start.line + 1}`).sort();

  before(async () => {
    fixture = await Fixture.create('e1-diagnostics', {
      'article.txt': ARTICLE,
      'article.claims.yaml': SIDECAR,
      'misspelt.txt': ARTICLE,
      'misspelt.claims.yaml': MISSPELT,
    });
    await claimLens();
    await until(() => ours(sidecar()).length > 0, 'diagnostics on the sidecar');
  });
  after(() => fixture.dispose());

  it('puts every problem on the sidecar with its code, severity and source', () => {
    const lines = SIDECAR.split('\n');
    const lineOf = (text: string) => lines.findIndex((l) => l.includes(text)) + 1;
    assert.deepEqual(codes(sidecar()), [
      `ambiguous@${lineOf('- id: plan')}`,
      `fuzzy@${lineOf('- id: bridge')}`,
      `fuzzy@${lineOf('- id: port')}`,
      `schema@${lineOf('javascript:')}`,
    ].sort());
    const byCode = new Map(ours(sidecar()).map((d) => [d.code, d]));
    assert.equal(byCode.get('schema')?.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(byCode.get('fuzzy')?.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(byCode.get('ambiguous')?.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(byCode.get('schema')!.message, /http or https/);
  });

  it('puts fuzzy and ambiguous problems on the article range too, linked to the sidecar', async () => {
    const document = await vscode.workspace.openTextDocument(article());
    const onArticle = ours(article()).map((d) => `${d.code} ${document.getText(d.range)}`).sort();
    assert.deepEqual(onArticle, [`ambiguous ${CLAIM_TEXT.plan}`, `fuzzy ${CLAIM_TEXT.bridge}`, `fuzzy ${CLAIM_TEXT.port}`]);
    for (const d of ours(article())) assert.equal(d.relatedInformation?.[0]?.location.uri.toString(), sidecar().toString());
  });

  it('offers the rewrite of a drifted quote as a quick fix that clears the problem', async () => {
    const document = await vscode.workspace.openTextDocument(article());
    const range = rangeOf(document, CLAIM_TEXT.bridge!);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', article(), range);
    const rewrite = actions.find((a) => a.title.startsWith('Rewrite the quote'));
    assert.ok(rewrite, `a rewrite fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(rewrite.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(rewrite.edit && (await vscode.workspace.applyEdit(rewrite.edit)));
    const sidecarText = (await vscode.workspace.openTextDocument(sidecar())).getText();
    assert.match(sidecarText, /quote: Rebels held the northern bridge for three days\./);
    await until(
      () => !ours(article()).some((d) => d.code === 'fuzzy' && document.getText(d.range) === CLAIM_TEXT.bridge),
      'the bridge claim to stop drifting',
    );
  });

  it('offers the shortest disambiguating prefix for an ambiguous quote', async () => {
    const lines = SIDECAR.split('\n');
    const line = lines.findIndex((l) => l.includes('quote: The plan was approved'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      sidecar(),
      new vscode.Range(line - 1, 4, line - 1, 4),
    );
    assert.ok(actions.some((a) => a.title.startsWith('Add prefix') && a.edit), JSON.stringify(actions.map((a) => a.title)));
  });

  it('offers the right word for a misspelt status', async () => {
    const uri = fixture.uri('misspelt.claims.yaml');
    await until(() => ours(uri).some((d) => d.code === 'schema'), 'the misspelt status problem');
    const problem = ours(uri).find((d) => d.code === 'schema')!;
    await vscode.workspace.openTextDocument(uri); // code actions are computed for open documents
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, problem.range);
    const fix = actions.find((a) => a.title.includes("'verified'"));
    assert.ok(fix?.edit, JSON.stringify(actions.map((a) => a.title)));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await until(() => !ours(uri).some((d) => d.code === 'schema'), 'the schema problem to go');
    assert.match((await vscode.workspace.openTextDocument(uri)).getText(), /status: verified\n/);
  });
});
