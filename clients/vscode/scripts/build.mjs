// Bundles the extension with esbuild (vscode-languageclient included; `vscode` is provided by the editor) and
// copies the webview assets (media/: the graph view's script and style; the server draws the graph) into dist/media.
// Usage: node scripts/build.mjs [--production]
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');

await esbuild.build({
  entryPoints: [join(root, 'src', 'extension.ts')],
  outfile: join(root, 'dist', 'extension.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
});

const media = join(root, 'dist', 'media');
mkdirSync(media, { recursive: true });
for (const f of readdirSync(join(root, 'media'))) {
  copyFileSync(join(root, 'media', f), join(media, f));
}
console.log(`built dist/extension.js${production ? ' (production)' : ''} and dist/media`);
