#!/usr/bin/env node
'use strict';
// The command line is written in TypeScript and run through tsx, so that the
// same sources serve the CLI, the tests and the plugin bundle. tsx must be
// loaded with --import (its in-process ESM API is broken in 4.23), hence the
// child process; its exit code and signals are passed through.
const { spawn } = require('node:child_process');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const loader = pathToFileURL(join(require.resolve('tsx/package.json'), '..', 'dist', 'loader.mjs')).href;
const entry = join(__dirname, '..', 'scripts', 'cli', 'run.ts');
const child = spawn(process.execPath, ['--import', loader, entry, ...process.argv.slice(2)], { stdio: 'inherit' });

const forward = (signal) => child.kill(signal);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, forward);
child.on('exit', (code, signal) => {
  if (signal) {
    // Die of the same signal, so that a shell or CI sees 130/143, never 0:
    // with our handler still installed the re-raised signal would be swallowed.
    process.removeListener('SIGINT', forward).removeListener('SIGTERM', forward);
    process.kill(process.pid, signal);
    // A signal that does not terminate (none of ours) must still not read as success.
    process.exitCode = 128 + (require('node:os').constants.signals[signal] ?? 1);
  } else process.exitCode = code ?? 2;
});
