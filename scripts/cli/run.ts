import { main } from './main';

// A reader that stops early (`| head`) closes the pipe: stop quietly, as other
// command-line tools do, instead of reporting a crash.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd()
}).then((code) => {
  process.exitCode = code;
});
