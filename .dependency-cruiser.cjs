/** Layer rules: the workflow library is pure — no framework, database, queue or I/O. */
module.exports = {
  forbidden: [
    {
      name: 'workflow-is-pure',
      comment:
        'libs/workflow must not import NestJS, TypeORM, BullMQ, ioredis, database drivers or Node I/O.',
      severity: 'error',
      from: { path: '^libs/workflow/' },
      to: {
        path: [
          'node_modules/(@nestjs|typeorm|bullmq|ioredis|pg|better-sqlite3|express|class-validator)/',
          '^(fs|net|http|https|child_process|dgram|worker_threads)$',
        ],
      },
    },
    {
      name: 'workflow-imports-no-app-code',
      comment:
        'The workflow library sits at the bottom: it imports nothing from apps/ or other libs.',
      severity: 'error',
      from: { path: '^libs/workflow/' },
      to: { path: '^(apps|libs/(?!workflow/))' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'console-is-a-client',
      comment:
        'apps/console talks to the API over HTTP like any integrator: nothing from the server side.',
      severity: 'error',
      from: { path: '^apps/console/' },
      to: { path: '^(libs/(core|persistence|config)|apps/(api|worker))/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '(^dist/|\\.spec\\.ts$)' },
  },
};
