// Copies the server jar built by Maven (server/target/archlens.jar at the repository root) into the extension
// (server/archlens.jar, gitignored), where the extension starts it from. Build the jar first:
//   mvn -q -B -o package -DskipTests      (from the repository root)
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const jar = process.env.ARCHLENS_JAR ?? join(root, '..', '..', 'server', 'target', 'archlens.jar');
if (!existsSync(jar)) {
  console.error(`copy-server: ${jar} not found. Build it from the repository root with: mvn -q -B package -DskipTests`);
  process.exit(1);
}
mkdirSync(join(root, 'server'), { recursive: true });
copyFileSync(jar, join(root, 'server', 'archlens.jar'));
console.log(`copied ${relative(process.cwd(), jar)} -> server/archlens.jar`);
