import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { FLEET_PAGE_DIR } from '../../src/http/fleet-page';

/** The fleet page's size budget (README, "The live fleet page"), on the files `npm run build` wrote to dist/web. */
const BUDGET = { jsGzipBytes: 30 * 1024, cssGzipBytes: 6 * 1024 };

describe('the built fleet page', () => {
  const files = () => {
    let names: string[];
    try {
      names = readdirSync(path.join(FLEET_PAGE_DIR, 'assets'));
    } catch {
      throw new Error(`${FLEET_PAGE_DIR}/assets is missing: run \`npm run build\` first (npm test does)`);
    }
    return names.map((name) => ({ name, bytes: readFileSync(path.join(FLEET_PAGE_DIR, 'assets', name)) }));
  };
  const gzipped = (ext: string) => files().filter((f) => f.name.endsWith(ext)).reduce((sum, f) => sum + gzipSync(f.bytes, { level: 9 }).length, 0);

  it(`keeps its JavaScript within ${BUDGET.jsGzipBytes / 1024} KB and its CSS within ${BUDGET.cssGzipBytes / 1024} KB gzipped`, () => {
    const js = gzipped('.js');
    const css = gzipped('.css');
    process.stdout.write(`fleet page: ${(js / 1024).toFixed(1)} KB JS gz (budget ${BUDGET.jsGzipBytes / 1024}), ${(css / 1024).toFixed(1)} KB CSS gz (budget ${BUDGET.cssGzipBytes / 1024})\n`);
    expect(js).toBeGreaterThan(0);
    expect(js).toBeLessThanOrEqual(BUDGET.jsGzipBytes);
    expect(css).toBeLessThanOrEqual(BUDGET.cssGzipBytes);
  });

  it('loads nothing from elsewhere: no inline script or style, no external address, no source map', () => {
    const html = readFileSync(path.join(FLEET_PAGE_DIR, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc="\/assets\/)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    for (const file of files()) {
      expect(file.name).not.toMatch(/\.map$/);
      // Only XML namespace names (Preact's SVG/MathML support) look like addresses; nothing is fetched from one.
      const addresses = file.bytes.toString('utf8').match(/https?:\/\/[^\s"'`)]+/g) ?? [];
      expect(addresses.filter((a) => !a.startsWith('http://www.w3.org/'))).toEqual([]);
    }
  });
});
