/** Layer rules from DESIGN.md, checked by `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'platform-is-the-bottom',
      comment: 'src/platform is used by everything and uses nothing above it.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(engine|connectors|modules|cli|web|demo)/|^src/app\\.ts$' },
    },
    {
      name: 'engine-without-connectors-or-modules',
      comment: 'The engine knows no connector and no domain module.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { path: '^src/(connectors|modules|cli|web|demo)/' },
    },
    {
      name: 'connectors-without-modules',
      severity: 'error',
      from: { path: '^src/connectors/' },
      to: { path: '^src/(modules|cli|web|demo)/' },
    },
    {
      name: 'no-foreign-repository',
      comment: "A module may call another module's service, never its repository.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/.+\\.repository\\.ts$', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'repositories-only-from-their-module',
      comment: 'Only the owning module (and the composition root) reaches a repository.',
      severity: 'error',
      from: { path: '^src/(cli|demo|web|engine|connectors)/' },
      to: { path: '\\.repository\\.ts$' },
    },
    {
      name: 'web-is-separate',
      comment: 'The browser bundle never imports server code.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/(platform|engine|connectors|modules|cli|demo)/|^src/app\\.ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-test-code-in-production',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.ts$|^src/testing/|/testing/' },
      to: { path: '\\.test\\.ts$|^src/testing/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
