/**
 * Import boundaries (issue 10, deliverable 6), checked by `npm run lint:deps` (part of `npm test`).
 * The layers, lowest first: protocol → server/engine → server/db → server/hall → server/http and
 * server/realtime → server/devices → drivers (the drivers stand alone: protocol only). The kiosk PC's
 * device agent (agent/) runs server/devices and the drivers on its own. The apps sit
 * beside the server and share only protocol/. Tests, the bench and the scripts may import anything.
 *
 * Every rule holds with no exceptions: there is no baseline of tolerated violations.
 *
 * Paths are regular expressions over paths from the repository root (dependency-cruiser's format);
 * a node built-in resolves to its bare name (`fs`, `node:fs`), so "to: pathNot ours" catches it too.
 */
const OURS = '^(protocol|server|drivers|apps|agent|test|bench|scripts)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'protocol-is-pure',
      comment:
        'protocol/ is the contract shared by the server and the apps: it imports nothing of ours, no node: built-in, no package but zod.',
      severity: 'error',
      from: { path: '^protocol/' },
      to: { pathNot: ['^protocol/', '^node_modules/zod/'] },
    },
    {
      name: 'engine-only-protocol',
      comment: 'server/engine/ holds the pure rules: of ours it imports only protocol/, and no node: built-in (the clock is passed in).',
      severity: 'error',
      from: { path: '^server/engine(/|\\.ts$)' },
      to: { pathNot: ['^server/engine(/|\\.ts$)', '^protocol/', '^node_modules/'] },
    },
    {
      name: 'db-only-protocol-and-engine',
      comment: 'server/db/ (repositories, migrations) imports of ours only protocol/ and the engine.',
      severity: 'error',
      from: { path: '^server/db/' },
      to: { path: OURS, pathNot: ['^server/db/', '^server/engine(/|\\.ts$)', '^protocol/'] },
    },
    {
      name: 'db-engine-types-only',
      comment: "server/db/ may name the engine's types, never run its rules: a rule applied in a query is a second copy of it.",
      severity: 'error',
      from: { path: '^server/db/' },
      to: { path: '^server/engine(/|\\.ts$)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'hall-below-its-callers',
      comment:
        'server/hall.ts and server/hall/ import of ours only the engine, the repositories, protocol/ and the clock ' +
        'interface (server/clock.ts): never http, realtime, devices, auth or the composition root.',
      severity: 'error',
      from: { path: '^server/hall(/|\\.ts$)' },
      to: {
        path: OURS,
        pathNot: ['^server/hall(/|\\.ts$)', '^server/engine(/|\\.ts$)', '^server/db/', '^protocol/', '^server/clock\\.ts$'],
      },
    },
    {
      name: 'callers-through-hall-ts',
      comment:
        'http, realtime and the devices reach the hall only through server/hall.ts and the read-model types it exports: ' +
        'never a file under server/hall/, never the repositories (server/db/).',
      severity: 'error',
      from: { path: '^server/(http/|realtime/|devices/|devices-binding\\.ts$)' },
      to: { path: '^server/(hall|db)/' },
    },
    {
      name: 'drivers-only-through-devices',
      comment: 'Only the device layer (server/devices/, server/devices-binding.ts) uses the drivers.',
      severity: 'error',
      from: { path: '^(protocol|server|apps)/', pathNot: '^server/(devices/|devices-binding\\.ts$)' },
      to: { path: '^drivers/' },
    },
    {
      name: 'drivers-stand-alone',
      comment: 'drivers/ import of ours only protocol/ and each other: never the server, the apps or the tests.',
      severity: 'error',
      from: { path: '^drivers/' },
      to: { path: OURS, pathNot: ['^drivers/', '^protocol/'] },
    },
    {
      name: 'agent-only-devices',
      comment:
        "agent/ (the kiosk PC's device agent, issue 18) runs the server's device layer and drivers, not a copy: " +
        'of ours it imports only protocol/, server/devices/ and drivers/. Never the hall, http, realtime or the db.',
      severity: 'error',
      from: { path: '^agent/' },
      to: { path: OURS, pathNot: ['^agent/', '^protocol/', '^server/devices/', '^drivers/'] },
    },
    {
      name: 'nothing-imports-the-agent',
      comment: 'The agent is a program of its own: the server, the drivers and the apps never import it.',
      severity: 'error',
      from: { path: '^(protocol|server|drivers|apps)/' },
      to: { path: '^agent/' },
    },
    {
      name: 'apps-only-protocol-and-kit',
      comment: 'An app imports of ours only protocol/, the shared kit (apps/kit/) and its own folder.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: OURS, pathNot: ['^protocol/', '^apps/kit/', '^apps/$1/'] },
    },
    {
      name: 'apps-no-node',
      comment: 'The apps run in a browser: no node: built-in.',
      severity: 'error',
      from: { path: '^apps/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'not-to-tests',
      comment: 'Shipped code never imports the tests, the bench or the scripts.',
      severity: 'error',
      from: { path: '^(protocol|server|drivers|apps|agent)/' },
      to: { path: '^(test|bench|scripts)/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to no file (so no rule above could judge it).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-non-package-json',
      comment: 'A package imported but not declared in package.json.',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    // `import type` counts: a layer may not even name another's types unless a rule allows it
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.test.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
