import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findJava, JavaProbe, javaInHome, parseJavaVersion } from '../src/java';

/** A fake file system of java binaries and the `-version` output each prints. */
function probe(binaries: Record<string, string | undefined>): JavaProbe & { ran: string[] } {
  const ran: string[] = [];
  return {
    ran,
    isFile: (p) => p in binaries,
    versionOutput: async (p) => {
      ran.push(p);
      return binaries[p];
    },
  };
}

const v = (s: string) => `openjdk version "${s}" 2025-04-15\nOpenJDK Runtime Environment\n`;

test('parses the major version from java -version output', () => {
  assert.equal(parseJavaVersion(v('17.0.15')), 17);
  assert.equal(parseJavaVersion('java version "1.8.0_292"'), 8);
  assert.equal(parseJavaVersion(v('21')), 21);
  assert.equal(parseJavaVersion(v('22-ea')), 22);
  assert.equal(parseJavaVersion('openjdk version "11.0.2" 2019-01-15'), 11);
  assert.equal(parseJavaVersion('no version here'), undefined);
});

test('the setting comes first, then JAVA_HOME, then PATH', async () => {
  const p = probe({ '/opt/jdk21/bin/java': v('21.0.1'), '/jh/bin/java': v('17.0.2'), '/usr/bin/java': v('17.0.9') });
  const r = await findJava({ configuredHome: '/opt/jdk21', env: { JAVA_HOME: '/jh', PATH: '/usr/bin' }, platform: 'linux' }, p);
  assert.ok(r.ok);
  assert.equal(r.javaPath, '/opt/jdk21/bin/java');
  assert.equal(r.version, 21);
  assert.equal(r.source, 'archlens.java.home');

  const r2 = await findJava({ env: { JAVA_HOME: '/jh', PATH: '/usr/bin' }, platform: 'linux' }, p);
  assert.ok(r2.ok);
  assert.equal(r2.javaPath, '/jh/bin/java');
  assert.equal(r2.source, 'JAVA_HOME');

  const r3 = await findJava({ env: { PATH: '/nope:/usr/bin' }, platform: 'linux' }, p);
  assert.ok(r3.ok);
  assert.equal(r3.javaPath, '/usr/bin/java');
  assert.equal(r3.source, 'PATH');
});

test('the embedded runtime of a platform .vsix comes after the setting and before JAVA_HOME and PATH', async () => {
  const p = probe({ '/ext/runtime/bin/java': v('25.0.3'), '/jh/bin/java': v('17.0.2'), '/usr/bin/java': v('21') });
  const env = { JAVA_HOME: '/jh', PATH: '/usr/bin' };
  const r = await findJava({ embeddedHome: '/ext/runtime', env, platform: 'linux' }, p);
  assert.ok(r.ok);
  assert.equal(r.javaPath, '/ext/runtime/bin/java');
  assert.equal(r.source, 'embedded');
  assert.equal(r.version, 25);

  const p2 = probe({ '/opt/jdk21/bin/java': v('21.0.1'), '/ext/runtime/bin/java': v('25.0.3') });
  const r2 = await findJava({ configuredHome: '/opt/jdk21', embeddedHome: '/ext/runtime', env, platform: 'linux' }, p2);
  assert.ok(r2.ok);
  assert.equal(r2.source, 'archlens.java.home');
});

test('the plain .vsix (no runtime folder) goes on to JAVA_HOME without noting the missing runtime', async () => {
  const p = probe({ '/jh/bin/java': v('17.0.2') });
  const r = await findJava({ embeddedHome: '/ext/runtime', env: { JAVA_HOME: '/jh' }, platform: 'linux' }, p);
  assert.ok(r.ok);
  assert.equal(r.source, 'JAVA_HOME');
  assert.equal(r.tried.length, 0);
  assert.deepEqual(p.ran, ['/jh/bin/java']);
});

test('a broken embedded runtime is reported and the machine\'s Java is used', async () => {
  const p = probe({ '/ext/runtime/bin/java': undefined, '/usr/bin/java': v('17.0.9') });
  const r = await findJava({ embeddedHome: '/ext/runtime', env: { PATH: '/usr/bin' }, platform: 'linux' }, p);
  assert.ok(r.ok);
  assert.equal(r.source, 'PATH');
  assert.equal(r.tried[0].source, 'embedded');
  assert.match(r.tried[0].problem, /could not be run/);
});

test('an old JAVA_HOME falls through to a good java on PATH, and says why', async () => {
  const p = probe({ '/jdk11/bin/java': v('11.0.2'), '/usr/local/bin/java': v('17.0.1') });
  const r = await findJava({ env: { JAVA_HOME: '/jdk11', PATH: '/usr/bin:/usr/local/bin' }, platform: 'linux' }, p);
  assert.ok(r.ok);
  assert.equal(r.javaPath, '/usr/local/bin/java');
  assert.equal(r.tried.length, 1);
  assert.match(r.tried[0].problem, /Java 11 is too old/);
});

test('a bad explicit setting is an error, never silently replaced by another Java', async () => {
  const p = probe({ '/usr/bin/java': v('21') });
  const r = await findJava({ configuredHome: '/opt/missing', env: { PATH: '/usr/bin' }, platform: 'linux' }, p);
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.match(r.message, /archlens\.java\.home: \/opt\/missing\/bin\/java does not exist/);
    assert.match(r.message, /Fix: point "archlens\.java\.home" at a Java 17\+ installation/);
  }
  assert.deepEqual(p.ran, [], 'nothing else was run');
});

test('no Java at all gives one message with what was tried and how to fix it', async () => {
  const p = probe({ '/jdk8/bin/java': 'java version "1.8.0_292"' });
  const r = await findJava({ env: { JAVA_HOME: '/jdk8', PATH: '/usr/bin:/bin' }, platform: 'linux' }, p);
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.match(r.message, /ArchLens needs Java 17 or newer/);
    assert.match(r.message, /JAVA_HOME: Java 8 is too old/);
    assert.match(r.message, /PATH: no java on PATH/);
    assert.match(r.message, /install Java 17 or newer/);
    assert.match(r.message, /archlens\.java\.home/);
  }
});

test('a java that cannot run or prints no version is skipped', async () => {
  const p = probe({ '/a/java': undefined, '/b/java': 'garbage', '/c/java': v('17') });
  const r = await findJava({ env: { PATH: '/a:/b:/c' }, platform: 'linux' }, p);
  assert.ok(r.ok);
  assert.equal(r.javaPath, '/c/java');
  assert.deepEqual(r.tried.map((t) => t.problem), ['/a/java could not be run', '/b/java did not report a Java version']);
});

test('Windows: java.exe, ; as the PATH separator, Path spelled as Windows does', async () => {
  const p = probe({ 'C:\\jdk17\\bin\\java.exe': v('17.0.4') });
  const r = await findJava({ env: { Path: 'C:\\Windows;C:\\jdk17\\bin' }, platform: 'win32' }, p);
  assert.ok(r.ok);
  assert.equal(r.javaPath, 'C:\\jdk17\\bin\\java.exe');
});

test('the setting may name the home, its bin folder, or the binary itself', () => {
  assert.deepEqual(javaInHome('/opt/jdk', 'linux'), ['/opt/jdk/bin/java']);
  assert.deepEqual(javaInHome('/opt/jdk/bin', 'linux'), ['/opt/jdk/bin/java']);
  assert.deepEqual(javaInHome('/opt/jdk/bin/java', 'linux'), ['/opt/jdk/bin/java']);
});
