// VS Code settings <-> server settings. The server's settings schema is docs/settings.json (kebab-case keys, the
// same as .archlens.yml); the extension contributes each key as `archlens.<camelCase path>` (package.json is
// generated from the schema by `npm run sync-settings` and checked by the unit tests). Only values the user set
// explicitly are sent: VS Code's defaults must not override the project's .archlens.yml, which the server
// reads with lower precedence.

/** Settings only the extension reads (never sent to the server). */
export const CLIENT_ONLY_PREFIXES = ['java.', 'trace.'];

export function camelToKebab(s: string): string {
  return s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

export function kebabToCamel(s: string): string {
  return s.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** `agent.baseUrl` -> ['agent', 'base-url']. */
export function serverPath(relativeKey: string): string[] {
  return relativeKey.split('.').map(camelToKebab);
}

/** The `archlens.*` keys (relative, without the prefix) that map to server settings. */
export function serverKeys(contributed: Record<string, unknown>): string[] {
  return Object.keys(contributed)
    .filter((k) => k.startsWith('archlens.'))
    .map((k) => k.substring('archlens.'.length))
    .filter((k) => !CLIENT_ONLY_PREFIXES.some((p) => k.startsWith(p)));
}

/** The part of vscode.WorkspaceConfiguration this module needs. */
export interface ConfigLike {
  get<T>(key: string): T | undefined;
  inspect<T>(key: string):
    | {
        globalValue?: T;
        workspaceValue?: T;
        workspaceFolderValue?: T;
        globalLanguageValue?: T;
        workspaceLanguageValue?: T;
        workspaceFolderLanguageValue?: T;
      }
    | undefined;
}

export function isExplicitlySet(cfg: ConfigLike, key: string): boolean {
  const i = cfg.inspect<unknown>(key);
  if (!i) {
    return false;
  }
  return [
    i.globalValue,
    i.workspaceValue,
    i.workspaceFolderValue,
    i.globalLanguageValue,
    i.workspaceLanguageValue,
    i.workspaceFolderLanguageValue,
  ].some((v) => v !== undefined);
}

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** The settings object the server reads (kebab-case, nested), with only the user's explicit values. */
export function toServerSettings(cfg: ConfigLike, keys: string[]): { [k: string]: Json } {
  const out: { [k: string]: Json } = {};
  for (const key of keys) {
    if (!isExplicitlySet(cfg, key)) {
      continue;
    }
    const value = cfg.get<Json>(key);
    if (value === undefined) {
      continue;
    }
    const segs = serverPath(key);
    let node = out;
    for (const s of segs.slice(0, -1)) {
      const next = node[s];
      if (typeof next !== 'object' || next === null || Array.isArray(next)) {
        node[s] = {};
      }
      node = node[s] as { [k: string]: Json };
    }
    // rule ids (docker/no-latest-tag) are keys inside `rules`: kept as written
    node[segs[segs.length - 1]] = value;
  }
  return out;
}

/**
 * initializationOptions: the settings fallback, workspace trust, the status opt-in, and the API key if stored.
 * The key travels as the top-level `agentApiKey` (what the server's agent bridge reads), never inside the
 * settings object, so it cannot end up in settings layers or their logs.
 */
export function initializationOptions(
  settings: { [k: string]: Json },
  opts: { trusted: boolean; apiKey?: string },
): { [k: string]: Json } {
  const init: { [k: string]: Json } = JSON.parse(JSON.stringify(settings));
  init.trustedWorkspace = opts.trusted;
  init.statusNotification = true;
  if (opts.apiKey) {
    init.agentApiKey = opts.apiKey;
  }
  return init;
}

// ---- package.json contributions generated from docs/settings.json ----

interface SchemaNode {
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
  items?: unknown;
  additionalProperties?: unknown;
  examples?: unknown[];
  properties?: Record<string, SchemaNode>;
  'x-vscode'?: boolean;
}

/** Settings that could point the server at another machine or binary: ignored in untrusted workspaces. */
export function isRestricted(key: string): boolean {
  return key.startsWith('archlens.agent.') || key === 'archlens.java.home';
}

export function contributionsFromSchema(schema: SchemaNode): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  const walk = (node: SchemaNode, kebabPath: string[]) => {
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      const p = [...kebabPath, name];
      if (child['x-vscode'] === false) {
        continue;
      }
      if (child.properties) {
        walk(child, p);
        continue;
      }
      const key = 'archlens.' + p.map(kebabToCamel).join('.');
      const prop: Record<string, unknown> = { type: child.type };
      for (const f of ['default', 'enum', 'minimum', 'maximum', 'pattern', 'items', 'additionalProperties', 'examples'] as const) {
        if (child[f] !== undefined) {
          prop[f] = child[f];
        }
      }
      prop.markdownDescription = `${child.description ?? ''}\n\n\`${p.join('.')}\` in \`.archlens.yml\`.`;
      prop.scope = 'window';
      out[key] = prop;
    }
  };
  walk(schema, []);
  return out;
}

/** The extension's own settings. */
export const CLIENT_SETTINGS: Record<string, Record<string, unknown>> = {
  'archlens.java.home': {
    type: 'string',
    default: '',
    markdownDescription:
      'Folder of the Java 17+ installation that runs the ArchLens server (the folder containing `bin/java`). Empty: `JAVA_HOME`, then `java` on `PATH`.',
    scope: 'machine-overridable',
  },
  'archlens.trace.server': {
    type: 'string',
    enum: ['off', 'messages', 'verbose'],
    default: 'off',
    markdownDescription: 'Log the LSP messages between VS Code and the server in the ArchLens output.',
    scope: 'window',
  },
};

export function allContributions(schema: SchemaNode): Record<string, Record<string, unknown>> {
  return { ...CLIENT_SETTINGS, ...contributionsFromSchema(schema) };
}
