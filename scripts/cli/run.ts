import { fileSystemUserError } from '../io/file-errors';
import { main } from './main';

// A reader that stops early (`| head`) closes the pipe: stop quietly, as other
// command-line tools do, instead of reporting a crash. Output that cannot be
// written (a full disk) is the user's problem to fix, not a bug.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    const userError = fileSystemUserError(error);
    if (!userError) throw error;
    if (stream !== process.stderr) process.stderr.write(`camunda-servicenow: ${userError.message}\n  ${userError.details.join('\n  ')}\n`);
    process.exit(1);
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
