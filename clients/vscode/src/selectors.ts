// Which documents the server sees. File patterns only (`{ scheme: 'file', pattern }`): the extension
// contributes no language and never changes a document's language, so the Docker, YAML, nginx, SQL... extensions
// the user has keep working. Generic YAML is selected by pattern (`**/*.{yml,yaml}`) rather than by the `yaml`
// language id for the same reason; the server decides from the content whether a YAML file is Compose,
// Kubernetes, OpenAPI, Spring or a workflow, and returns nothing for any other YAML.

export interface PatternFilter {
  scheme: 'file';
  pattern: string;
}

export interface SelectorGroup {
  /** The file kinds (server FileKind ids) a pattern brings in. */
  kinds: string[];
  pattern: string;
}

export const CONFIG_GROUPS: SelectorGroup[] = [
  {
    kinds: ['dockerfile'],
    pattern: '**/{Dockerfile,Dockerfile.*,dockerfile,dockerfile.*,*.Dockerfile,*.dockerfile,Containerfile,Containerfile.*,containerfile}',
  },
  // compose (docker-compose*.yml, compose*.yaml), kubernetes (apiVersion + kind), spring-yaml (application*.yml),
  // openapi (openapi:/swagger: root), github-actions (.github/workflows), archlens-config (.archlens.yml)
  {
    kinds: ['compose', 'kubernetes', 'spring-yaml', 'openapi', 'github-actions', 'archlens-config'],
    pattern: '**/*.{yml,yaml}',
  },
  { kinds: ['nginx'], pattern: '**/*.{conf,nginx}' },
  { kinds: ['spring-properties'], pattern: '**/{application,bootstrap}*.properties' },
  { kinds: ['dotenv'], pattern: '**/{.env,.env.*,*.env}' },
  { kinds: ['sql'], pattern: '**/*.sql' },
  { kinds: ['terraform'], pattern: '**/*.tf' },
  { kinds: ['openapi'], pattern: '**/*{openapi,swagger}*.json' },
  { kinds: ['agent-definition'], pattern: '**/.archlens/agents/*.md' },
  // Source code the rule book reads: java/ (JavaParser), python/, js/ and go/ (tree-sitter); the agent too, when enabled.
  // Generated and vendored code (node_modules, vendor, dist, *.min.js, *_pb2.py, *.pb.go, *.d.ts) is left out.
  { kinds: ['java'], pattern: '**/*.java' },
  { kinds: ['python'], pattern: '**/*.py' },
  { kinds: ['javascript', 'typescript'], pattern: '**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}' },
  { kinds: ['go'], pattern: '**/*.go' },
];

/**
 * Backend source code the rule book has no pack for yet: reviewed only by the LLM agent, so only sent to the server
 * while the agent is on. (Java, Python, JavaScript/TypeScript and Go are in CONFIG_GROUPS: the rule book reads them.)
 */
export const SOURCE_GROUP: SelectorGroup = {
  kinds: ['kotlin', 'csharp'],
  pattern: '**/*.{kt,kts,cs}',
};

export function documentSelector(opts: { agentEnabled: boolean }): PatternFilter[] {
  const groups = opts.agentEnabled ? [...CONFIG_GROUPS, SOURCE_GROUP] : CONFIG_GROUPS;
  return groups.map((g) => ({ scheme: 'file', pattern: g.pattern }));
}

/** Files whose changes the client reports to the server (project settings and agent definitions). */
export const WATCHED_FILES = ['**/.archlens.{yml,yaml}', '**/.archlens/agents/*.md'];
