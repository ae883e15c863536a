// Finding a Java 17+ runtime for the server: the `archlens.java.home` setting, then the runtime embedded in a
// platform-specific .vsix (runtime/ next to the extension, made by scripts/runtime.sh), then JAVA_HOME, then PATH.
// Pure logic over a small probe interface, so it is unit-tested without a real JDK or VS Code.
import * as path from 'path';

export const MIN_JAVA = 17;

export interface JavaProbe {
  /** True when the file exists and is a regular file. */
  isFile(p: string): boolean;
  /** Output of `<java> -version` (stdout + stderr), or undefined when it could not run. */
  versionOutput(javaPath: string): Promise<string | undefined>;
}

export interface JavaSearch {
  configuredHome?: string;
  /** The extension's own runtime folder (holds bin/java in a platform .vsix; absent in the plain one). */
  embeddedHome?: string;
  env: Record<string, string | undefined>;
  platform: string;
}

export interface Attempt {
  source: 'archlens.java.home' | 'embedded' | 'JAVA_HOME' | 'PATH';
  location: string;
  problem: string;
}

export type JavaResult =
  | { ok: true; javaPath: string; version: number; source: Attempt['source']; tried: Attempt[] }
  | { ok: false; tried: Attempt[]; message: string };

/** The major version from `java -version` output ("1.8.0_292" -> 8, "17.0.15" -> 17, "21" -> 21, "22-ea" -> 22). */
export function parseJavaVersion(output: string): number | undefined {
  const m = /version\s+"([^"]+)"/.exec(output);
  if (!m) {
    return undefined;
  }
  const v = m[1];
  const parts = v.split(/[.\-_+]/);
  const first = parseInt(parts[0], 10);
  if (isNaN(first)) {
    return undefined;
  }
  if (first === 1 && parts.length > 1) {
    const second = parseInt(parts[1], 10);
    return isNaN(second) ? undefined : second;
  }
  return first;
}

function javaExe(platform: string): string {
  return platform === 'win32' ? 'java.exe' : 'java';
}

function pathApi(platform: string): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

/** `<home>/bin/java`; a path that already names the java binary (or its bin folder) is accepted too. */
export function javaInHome(home: string, platform: string): string[] {
  const p = pathApi(platform);
  const exe = javaExe(platform);
  const base = p.basename(home).toLowerCase();
  if (base === exe) {
    return [home];
  }
  if (base === 'bin') {
    return [p.join(home, exe)];
  }
  return [p.join(home, 'bin', exe)];
}

async function check(javaPath: string, probe: JavaProbe): Promise<{ version?: number; problem?: string }> {
  if (!probe.isFile(javaPath)) {
    return { problem: `${javaPath} does not exist` };
  }
  const out = await probe.versionOutput(javaPath);
  if (out === undefined) {
    return { problem: `${javaPath} could not be run` };
  }
  const version = parseJavaVersion(out);
  if (version === undefined) {
    return { problem: `${javaPath} did not report a Java version` };
  }
  if (version < MIN_JAVA) {
    return { version, problem: `Java ${version} is too old (${MIN_JAVA} or newer is needed)` };
  }
  return { version };
}

export async function findJava(search: JavaSearch, probe: JavaProbe): Promise<JavaResult> {
  const tried: Attempt[] = [];
  const configured = search.configuredHome?.trim();
  if (configured) {
    // An explicit setting is never silently replaced by another Java: a bad one is the error to fix.
    for (const candidate of javaInHome(configured, search.platform)) {
      const r = await check(candidate, probe);
      if (r.problem === undefined) {
        return { ok: true, javaPath: candidate, version: r.version!, source: 'archlens.java.home', tried };
      }
      tried.push({ source: 'archlens.java.home', location: configured, problem: r.problem });
    }
    return { ok: false, tried, message: notFoundMessage(tried, true) };
  }
  const embedded = search.embeddedHome?.trim();
  if (embedded) {
    // The platform .vsix ships a runtime made for the server: preferred over whatever Java the machine has.
    for (const candidate of javaInHome(embedded, search.platform)) {
      if (!probe.isFile(candidate)) {
        continue; // the plain .vsix has no runtime: not worth a line in the "tried" list
      }
      const r = await check(candidate, probe);
      if (r.problem === undefined) {
        return { ok: true, javaPath: candidate, version: r.version!, source: 'embedded', tried };
      }
      tried.push({ source: 'embedded', location: embedded, problem: r.problem });
    }
  }
  const javaHome = search.env.JAVA_HOME?.trim();
  if (javaHome) {
    for (const candidate of javaInHome(javaHome, search.platform)) {
      const r = await check(candidate, probe);
      if (r.problem === undefined) {
        return { ok: true, javaPath: candidate, version: r.version!, source: 'JAVA_HOME', tried };
      }
      tried.push({ source: 'JAVA_HOME', location: javaHome, problem: r.problem });
    }
  }
  const p = pathApi(search.platform);
  const pathVar = search.env.PATH ?? search.env.Path ?? '';
  const seen = new Set<string>();
  let onPath = false;
  for (const dir of pathVar.split(p.delimiter)) {
    if (!dir) {
      continue;
    }
    const candidate = p.join(dir, javaExe(search.platform));
    if (seen.has(candidate) || !probe.isFile(candidate)) {
      continue;
    }
    seen.add(candidate);
    onPath = true;
    const r = await check(candidate, probe);
    if (r.problem === undefined) {
      return { ok: true, javaPath: candidate, version: r.version!, source: 'PATH', tried };
    }
    tried.push({ source: 'PATH', location: candidate, problem: r.problem });
  }
  if (!onPath) {
    tried.push({ source: 'PATH', location: 'PATH', problem: 'no java on PATH' });
  }
  return { ok: false, tried, message: notFoundMessage(tried, false) };
}

/** One readable message: what was tried, why each failed, and how to fix it. */
export function notFoundMessage(tried: Attempt[], explicit: boolean): string {
  const reasons = tried.map((a) => `${a.source}: ${a.problem}`).join('; ');
  const fix = explicit
    ? `Fix: point "archlens.java.home" at a Java ${MIN_JAVA}+ installation folder (the one containing bin/java), or clear the setting to use JAVA_HOME or PATH.`
    : `Fix: install Java ${MIN_JAVA} or newer (for example Eclipse Temurin ${MIN_JAVA}, or "sudo apt-get install openjdk-${MIN_JAVA}-jre-headless") and set "archlens.java.home" to its folder, or set JAVA_HOME.`;
  return `ArchLens needs Java ${MIN_JAVA} or newer to run its language server, and none was found (${reasons}). ${fix}`;
}

/** The real probe: fs + child_process, with a timeout so a hanging binary cannot block activation. */
export function nodeProbe(): JavaProbe {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const fs = require('fs') as typeof import('fs');
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const cp = require('child_process') as typeof import('child_process');
  return {
    isFile(p: string): boolean {
      try {
        return fs.statSync(p).isFile();
      } catch {
        return false;
      }
    },
    versionOutput(javaPath: string): Promise<string | undefined> {
      return new Promise((resolve) => {
        cp.execFile(javaPath, ['-version'], { timeout: 15000, windowsHide: true }, (err, stdout, stderr) => {
          const out = `${stdout ?? ''}${stderr ?? ''}`;
          resolve(err && !out ? undefined : out);
        });
      });
    },
  };
}
