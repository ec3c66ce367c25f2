#!/usr/bin/env node
'use strict';
// The published package runs the compiled CLI in lib/ (built when packaging,
// see tsconfig.build.json): plain Node and the runtime dependencies, no tsx or
// typescript. A checkout has no lib/ (packaging removes it again) and runs the
// TypeScript sources through tsx, a dev dependency, so what you edit is what
// runs. tsx must be loaded with --import (its in-process ESM API is broken in
// 4.23), hence the child process; its exit code and signals are passed through.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const compiled = join(__dirname, '..', 'lib', 'scripts', 'cli', 'run.js');
if (existsSync(compiled)) {
  require(compiled);
} else {
  runSources();
}

function runSources() {
  const { spawn } = require('node:child_process');
  const { pathToFileURL } = require('node:url');
  let tsx;
  try {
    tsx = require.resolve('tsx/package.json');
  } catch {
    process.stderr.write('camunda-servicenow: the compiled CLI (lib/) is missing and tsx is not installed; run "npm ci" in the checkout, or reinstall the package\n');
    process.exitCode = 2;
    return;
  }
  const loader = pathToFileURL(join(tsx, '..', 'dist', 'loader.mjs')).href;
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
}
