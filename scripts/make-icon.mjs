// Renders images/icon.svg to the extension's 128x128 PNG icon (images/icon.png) with a headless
// Chromium (Debian's `chromium`, driven by playwright-core); nothing is downloaded.
//   node scripts/make-icon.mjs
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { findChromium } from './lib/code-server.mjs';

const svg = readFileSync('images/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: 'images/icon.png', omitBackground: true });
    console.log('wrote images/icon.png');
} finally {
    await browser.close();
}
