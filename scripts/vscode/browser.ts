/**
 * Headless Chromium (Debian's, through playwright-core) and a small driver for the
 * VS Code workbench it shows. The selectors are VS Code's own DOM; each helper waits
 * for what it needs, so tests read as user steps:
 *
 *   const workbench = await Workbench.open(context, server.workbenchUrl());
 *   await workbench.openFile('article.txt');
 *   await workbench.goTo(3, 10);
 *   await workbench.decorationColorsAtCursor();
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { Installation } from './install';
import { RESULTS_DIR } from './layout';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh headless browser with its profile in `profileDir`. */
export function launchBrowser(install: Installation, profileDir: string): Promise<BrowserContext> {
  fs.mkdirSync(profileDir, { recursive: true });
  return chromium.launchPersistentContext(profileDir, {
    executablePath: install.chromium,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
}

/** The browser-side globals the page functions below use (the project compiles without lib.dom). */
interface PageElement {
  getBoundingClientRect(): { left: number; top: number; right: number; bottom: number; width: number; height: number };
  className: string;
  style: { background: string };
  remove(): void;
}
interface PageWindow {
  document: {
    querySelector(selector: string): (PageElement & { appendChild(e: PageElement): void }) | null;
    querySelectorAll(selector: string): ArrayLike<PageElement>;
    createElement(tag: string): PageElement;
  };
  getComputedStyle(element: PageElement): { backgroundColor: string };
}

export class Workbench {
  private constructor(readonly page: Page) {}

  /** Opens the workbench at `url` in a new page and waits until it has rendered. */
  static async open(context: BrowserContext, url: string, prepare?: (page: Page) => Promise<void>): Promise<Workbench> {
    const page = await context.newPage();
    if (prepare) await prepare(page);
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
    return new Workbench(page);
  }

  /** Opens a file of the workspace through Quick Open (Ctrl+P), unless its editor is already the active one. */
  async openFile(fileName: string): Promise<void> {
    const activeTab = this.page.locator(`.editor-group-container.active .tab.active[data-resource-name=${JSON.stringify(fileName)}]`);
    if ((await activeTab.count()) > 0) return;
    await this.quickInput('Control+P', fileName);
    await this.quickInputRow(fileName).click();
    await activeTab.waitFor();
    await this.activeEditor().locator('.view-lines').waitFor();
  }

  /**
   * Waits until the active editor shows the extension's highlights: by then the
   * extension has analyzed the article, so its context keys and keybindings apply.
   */
  async waitForHighlights(): Promise<void> {
    await this.activeEditor().locator('.view-overlays .cdr[class*="TextEditorDecorationType"]').first().waitFor({ state: 'attached' });
  }

  /** Moves the cursor to a 1-based line and column of the active editor (Quick Open ":line:column"). */
  async goTo(line: number, column: number): Promise<void> {
    await this.quickInput('Control+P', `:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** Runs a command from the Command Palette by its full title, e.g. "Claim Lens: Set Status". */
  async runCommand(title: string): Promise<void> {
    await this.quickInput('Control+Shift+P', title, '>');
    await this.quickInputRow(title).click();
  }

  /** Picks the item labelled exactly `label` from the open quick pick. */
  async pick(label: string): Promise<void> {
    await this.page.locator('.quick-input-widget input').fill(label);
    await this.quickInputRow(label).click();
  }

  /**
   * Background colours (as computed, e.g. "rgba(0, 128, 0, 0.25)") of the extension
   * decorations under the primary cursor in the active editor.
   */
  async decorationColorsAtCursor(): Promise<string[]> {
    const editor = this.activeEditor();
    await editor.locator('.cursors-layer .cursor').first().waitFor({ state: 'attached' });
    // Decorations render a moment after the editor opens or the extension activates.
    return editor.evaluate((root: unknown) => {
      const win = globalThis as unknown as PageWindow;
      const editorRoot = root as PageWindow['document'];
      const cursor = editorRoot.querySelectorAll('.cursors-layer .cursor')[0];
      if (!cursor) return [];
      const c = cursor.getBoundingClientRect();
      const x = c.left + 3;
      const y = c.top + c.height / 2;
      const colors: string[] = [];
      for (const el of Array.from(editorRoot.querySelectorAll('.view-overlays .cdr[class*="TextEditorDecorationType"]'))) {
        const r = el.getBoundingClientRect();
        if (x >= r.left && x < r.right && y >= r.top && y < r.bottom) colors.push(win.getComputedStyle(el).backgroundColor);
      }
      return colors;
    });
  }

  /** How the workbench's current theme renders a contributed colour, computed like decoration backgrounds are. */
  async themeColor(colorId: string): Promise<string> {
    const variable = `--vscode-${colorId.replace(/[^a-z0-9-]/gi, '-')}`;
    return this.page.evaluate((cssVariable) => {
      const win = globalThis as unknown as PageWindow;
      const host = win.document.querySelector('.monaco-workbench');
      if (!host) throw new Error('no workbench');
      const probe = win.document.createElement('div');
      probe.style.background = `var(${cssVariable}, rgb(1, 2, 3))`;
      host.appendChild(probe);
      const color = win.getComputedStyle(probe).backgroundColor;
      probe.remove();
      return color === 'rgb(1, 2, 3)' ? `undefined theme colour ${cssVariable}` : color;
    }, variable);
  }

  /** Hovers the mouse over the character after the cursor and returns the text of the hover that appears. */
  async hoverAtCursor(): Promise<string> {
    const cursor = this.activeEditor().locator('.cursors-layer .cursor').first();
    const box = await cursor.evaluate((el: unknown) => (el as PageElement).getBoundingClientRect());
    await this.page.mouse.move(0, 0);
    await this.page.mouse.move(box.left + 3, box.top + box.height / 2, { steps: 3 });
    const hover = this.page.locator('.monaco-hover .hover-contents').first();
    await hover.waitFor({ timeout: 10_000 });
    return (await this.page.locator('.monaco-hover').first().innerText()).trim();
  }

  /** Shows a contributed view by its name (Command Palette "Focus on NAME View") and returns its list. */
  async openView(name: string): Promise<Locator> {
    await this.runCommand(`Focus on ${name} View`);
    const list = this.page.locator(`.monaco-list[aria-label^="${name}"]`).first();
    await list.waitFor();
    return list;
  }

  /** The text of every row rendered in a view's list, expanding collapsed rows first. */
  async viewRows(list: Locator): Promise<string[]> {
    for (let round = 0; round < 5; round++) {
      const collapsed = list.locator('.monaco-list-row[aria-expanded="false"]');
      if ((await collapsed.count()) === 0) break;
      await collapsed.first().locator('.monaco-tl-twistie').click();
    }
    return (await list.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /** Saves a screenshot as test-results/NAME.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  private activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
  }

  private async quickInput(shortcut: string, text: string, prefix = ''): Promise<void> {
    await this.page.keyboard.press(shortcut);
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(prefix + text);
  }

  /** The quick input row labelled `label`, or "Category: label" as the Command Palette shows it. */
  private quickInputRow(label: string): Locator {
    return this.page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name').getByText(new RegExp(`^(.+: )?${escapeRegExp(label)}$`)) })
      .first();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
