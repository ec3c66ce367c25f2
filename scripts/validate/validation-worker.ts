/**
 * One thread of the validation pool: checks one file's text per message,
 * exactly as the in-process check does.
 */
import { parentPort } from 'node:worker_threads';
import { validateTemplateText } from './validate-templates';
import type { ValidationReply, ValidationTask } from './validation-pool';

const port = parentPort;
if (!port) throw new Error('validation-worker runs only as a worker thread of the validation pool');
port.on('message', ({ id, file, text }: ValidationTask) => {
  let reply: ValidationReply;
  try {
    reply = { id, problems: validateTemplateText(file, text) };
  } catch (error) {
    reply = { id, failure: (error as Error).stack ?? String(error) };
  }
  port.postMessage(reply);
});
