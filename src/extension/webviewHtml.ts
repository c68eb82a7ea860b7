// The HTML shell of a webview panel under a strict Content-Security-Policy: scripts only with this page's nonce,
// styles and fonts only from the extension's media folder, no remote content, no inline event handlers.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export type PanelName = 'grid' | 'annotate' | 'dashboard' | 'charts' | 'adjudicate';

function contentSecurityPolicy(webview: vscode.Webview, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
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
): string {
  const nonce = randomBytes(16).toString('base64');
  const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file)).toString();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${media('codicon.css')}" id="vscode-codicon-stylesheet">
<link rel="stylesheet" href="${media(`${panel}.css`)}">
<title>${title}</title>
</head>
<body class="${panel}">
<div id="app" aria-busy="true"><p class="loading">Loading…</p></div>
<script nonce="${nonce}" src="${media(`${panel}.js`)}"></script>
</body>
</html>`;
}
