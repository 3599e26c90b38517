import { describe, expect, test } from 'vitest';
import { newNonce, previewHtml } from '../../client/preview/preview-html.js';

const html = (state = { options: { view: 'dependencies' as const, cluster: true } }) => previewHtml({
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'n0nce', scriptUri: 'https://x/preview.js', styleUri: 'https://x/preview.css', state,
});

describe('the preview page', () => {
    test('has a strict Content-Security-Policy: nothing by default, our script by nonce, styles from the extension', () => {
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html())![1];
        expect(csp.split('; ')).toEqual([
            "default-src 'none'",
            'img-src https://file+.vscode-resource.vscode-cdn.net',
            'style-src https://file+.vscode-resource.vscode-cdn.net',
            'font-src https://file+.vscode-resource.vscode-cdn.net',
            "script-src 'nonce-n0nce'",
        ]);
        expect(csp).not.toContain('unsafe');
    });

    test('loads one script, by nonce, and no inline script or style', () => {
        const page = html();
        expect(page.match(/<script/g)).toHaveLength(1);
        expect(page).toContain('<script nonce="n0nce" src="https://x/preview.js"></script>');
        expect(page).not.toMatch(/<style|style="/);
        expect(page).not.toMatch(/https?:\/\/(?!x\/|file\+\.vscode-resource)/);
    });

    test('hands over its state as escaped JSON, never as markup', () => {
        const page = html({ options: { view: 'dependencies', cluster: true, team: '"><script>alert(1)</script>' } as never });
        expect(page).not.toContain('<script>alert(1)');
        const attr = /data-state="([^"]*)"/.exec(page)![1];
        const json = attr.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
        expect(JSON.parse(json).options.team).toBe('"><script>alert(1)</script>');
    });

    test('a fresh nonce every time', () => {
        const nonces = new Set(Array.from({ length: 20 }, () => newNonce()));
        expect(nonces.size).toBe(20);
        for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{24}$/);
    });
});
