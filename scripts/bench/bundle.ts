/**
 * First-load JavaScript of a page, from the production build's own per-route
 * record (.next/diagnostics/route-bundle-stats.json), gzipped as a server
 * would send it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fmt } from './measure';

export interface BundleFigures {
  route: string;
  chunks: number;
  uncompressedKB: number;
  gzipKB: number;
}

const STATS = '.next/diagnostics/route-bundle-stats.json';

export function benchBundle(routes: string[]): BundleFigures[] {
  if (!existsSync(STATS)) execFileSync('npx', ['next', 'build'], { stdio: 'inherit' });
  const stats = JSON.parse(readFileSync(STATS, 'utf8')) as Array<{ route: string; firstLoadChunkPaths: string[] }>;
  return routes.map((route) => {
    const entry = stats.find((s) => s.route === route);
    if (!entry) throw new Error(`no bundle record for ${route}`);
    let raw = 0;
    let gzip = 0;
    for (const path of entry.firstLoadChunkPaths) {
      const bytes = readFileSync(path);
      raw += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
    }
    return { route, chunks: entry.firstLoadChunkPaths.length, uncompressedKB: raw / 1024, gzipKB: gzip / 1024 };
  });
}

export function printBundle(figures: BundleFigures[]): void {
  console.log('First-load JavaScript (production build)');
  console.log('');
  console.log('| page | chunks | uncompressed | gzip |');
  console.log('|---|---:|---:|---:|');
  for (const f of figures) console.log(`| ${f.route} | ${f.chunks} | ${fmt(f.uncompressedKB, 0)} KB | ${fmt(f.gzipKB, 0)} KB |`);
  console.log('');
}
