// Regenerates package.json's contributes.configuration.properties and the untrusted-workspace restricted list
// from docs/settings.json (the server's settings schema). Run: npm run sync-settings
import * as fs from 'fs';
import * as path from 'path';
import { allContributions, isRestricted } from '../src/settings';

const root = path.resolve(__dirname, '..', '..');
const pkgFile = path.join(root, 'package.json');
const schemaFile = path.resolve(root, '..', '..', 'docs', 'settings.json');

const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
const props = allContributions(schema);
pkg.contributes.configuration.properties = props;
pkg.capabilities.untrustedWorkspaces.restrictedConfigurations = Object.keys(props).filter(isRestricted);
fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2) + '\n');
console.log(`package.json: ${Object.keys(props).length} settings from ${path.relative(root, schemaFile)}`);
