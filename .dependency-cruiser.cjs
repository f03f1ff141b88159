/**
 * Import boundaries that fail the build (`npm run lint` → `depcruise`). Paths are the resolved files, relative to
 * the repository root; type-only imports count (`tsPreCompilationDeps`), so `import type { FastifyReply }` in a
 * service is caught too. Table-level rules (which module may join whose tables, who writes them) are in
 * scripts/check-boundaries.ts, which reads the module manifest.
 */
const MODULE = '^src/server/modules/([^/]+)/';
const SERVICE = '^src/server/modules/[^/]+/[^/]+\\.service\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-other-module-repo',
      comment: "A module calls another module's service, never its repo (docs/ARCHITECTURE.md).",
      severity: 'error',
      from: { path: MODULE },
      to: { path: '^src/server/modules/[^/]+/[^/]+\\.repo\\.ts$', pathNot: '^src/server/modules/$1/' },
    },
    {
      name: 'no-fastify-in-service',
      comment: 'A service returns data or bytes; the route turns them into a reply. Services never import Fastify.',
      severity: 'error',
      from: { path: '\\.service\\.ts$' },
      to: { path: '(^|/)node_modules/(fastify|@fastify/[^/]+|fastify-[^/]+)/' },
    },
    {
      name: 'no-db-to-modules',
      comment: 'src/server/db is infrastructure (client, migrations, paging, search); modules depend on it, not the reverse.',
      severity: 'error',
      from: { path: '^src/server/db/' },
      to: { path: '^src/server/modules/' },
    },
    {
      name: 'no-shared-or-lib-to-server',
      comment: 'src/shared and src/lib are imported by server, web and CLI; they must not pull server code in.',
      severity: 'error',
      from: { path: '^src/(shared|lib)/' },
      to: { path: '^src/(server|cli|web)/' },
    },
    {
      name: 'no-lib-to-shared',
      comment: 'src/lib/vi has no dependencies (docs/ARCHITECTURE.md).',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^src/', pathNot: '^src/lib/' },
    },
    {
      name: 'no-web-to-server',
      comment: 'The web app talks to the server over HTTP only; contracts come from src/shared.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/(server|cli)/' },
    },
    {
      name: 'no-circular-services',
      comment: 'Module services must not import each other in a cycle (registration goes through the manifest).',
      severity: 'error',
      from: { path: SERVICE },
      to: { circular: true, viaOnly: { path: SERVICE } },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve (a typo, a moved file, a package missing from package.json).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Not node_modules: the Fastify rule must see package imports (doNotFollow keeps them leaves).
    exclude: { path: '^(dist|\\.tmp)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
