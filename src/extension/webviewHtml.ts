// The HTML shell of a webview panel under a strict Content-Security-Policy: scripts and styles only with this
// page's nonce (or from the extension's media folder), fonts and images only from there, no remote content, no
// inline event handlers.
//
// The panel's script and styles are written into the page rather than linked: a linked file is fetched through
// VS Code's webview service worker from the extension host after the page has loaded (60–90 ms before the first
// line of our script runs, measured in code-server), and a script waits for every stylesheet before it. The icon
// font's stylesheet is also preloaded, not applied: @vscode-elements' icons find it by its id and link it into
// their shadow roots.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { pageLanguage } from '../../shared/protocol/words';
import { PAGE_MESSAGES_ID } from '../../shared/protocol/pageMessages';
import { inlineScript, inlineStyle, mediaText, pageMessagesJson } from './webviewAssets';

export type PanelName = 'grid' | 'annotate' | 'dashboard' | 'charts' | 'adjudicate';

function contentSecurityPolicy(webview: vscode.Webview, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    "connect-src 'none'",
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export function webviewHtml(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  panel: PanelName,
  title: string,
  messages: readonly unknown[] = [],
): string {
  const nonce = randomBytes(16).toString('base64');
  const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file)).toString();
  const path = (file: string) => vscode.Uri.joinPath(extensionUri, 'media', file).fsPath;
  const style = (file: string) => inlineStyle(mediaText(path(file)), media);
  const script = inlineScript(mediaText(path(`${panel}.js`)), `media/${panel}.js`);
  const page = pageLanguage(vscode.env.language);
  return `<!DOCTYPE html>
<html lang="${page.lang}" dir="${page.dir}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">${style('codicon.css')}</style>
<link rel="preload" as="style" href="${media('codicon.css')}" id="vscode-codicon-stylesheet" nonce="${nonce}">
<style nonce="${nonce}">${style(`${panel}.css`)}</style>
<title>${title}</title>
</head>
<body class="${panel}">
<div id="app" aria-busy="true"><p class="loading">${vscode.l10n.t('Loading…')}</p></div>
${messages.length ? `<script type="application/json" id="${PAGE_MESSAGES_ID}">${pageMessagesJson(messages)}</script>\n` : ''}<script nonce="${nonce}">${script}</script>
</body>
</html>`;
}
