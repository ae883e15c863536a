// Bundles the extension with esbuild (vscode-languageclient included; `vscode` is provided by the editor) and
// copies the webview assets, including mermaid from node_modules, into dist/media. Usage: node scripts/build.mjs [--production]
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const require = createRequire(import.meta.url);

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
const mermaid = join(dirname(require.resolve('mermaid/package.json')), 'dist', 'mermaid.min.js');
copyFileSync(mermaid, join(media, 'mermaid.min.js'));
for (const f of readdirSync(join(root, 'media'))) {
  copyFileSync(join(root, 'media', f), join(media, f));
}
console.log(`built dist/extension.js${production ? ' (production)' : ''} and dist/media`);
