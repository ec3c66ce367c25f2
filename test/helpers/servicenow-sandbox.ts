/**
 * The main-thread side of servicenow-sandbox-worker.mjs: starts the worker,
 * answers its HTTP requests with real fetch calls (so the scripts talk to
 * fastify servers on 127.0.0.1), and returns what the script returned and logged.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';

export interface SandboxRun {
  /** ES5 sources evaluated first (Script Includes). */
  scripts: string[];
  /** The expression whose value is returned, e.g. `new CamundaClient().publishMessage(...)`. */
  entry: string;
  /** System properties (gs.getProperty). */
  properties: Record<string, string>;
  /** The Business Rule's current record; `types` gives a column's internal type (default string). */
  current?: { table: string; values: Record<string, string>; types?: Record<string, string> };
}

export interface SandboxResult {
  ok: boolean;
  value?: unknown;
  error?: string;
  logs: [string, string][];
  /** Every HTTP request the scripts made, in order. */
  requests: { method: string; url: string; headers: Record<string, string>; body?: string }[];
}

interface HttpRequest { method: string; url: string; headers: Record<string, string>; body?: string; timeoutMs: number }

export function runInServiceNow(run: SandboxRun): Promise<SandboxResult> {
  const requests: SandboxResult['requests'] = [];
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'servicenow-sandbox-worker.mjs'), { workerData: run });
    worker.on('message', (message: { kind: string; request?: HttpRequest; shared?: SharedArrayBuffer; outcome?: { ok: boolean; value?: unknown; error?: string }; logs?: [string, string][] }) => {
      if (message.kind === 'http' && message.request && message.shared) {
        const { request, shared } = message;
        requests.push({ method: request.method, url: request.url, headers: request.headers, ...(request.body !== undefined ? { body: request.body } : {}) });
        void answer(request).then((response) => {
          const bytes = Buffer.from(JSON.stringify(response), 'utf8');
          const flag = new Int32Array(shared, 0, 2);
          new Uint8Array(shared, 8, bytes.length).set(bytes);
          flag[1] = bytes.length;
          Atomics.store(flag, 0, 1);
          Atomics.notify(flag, 0);
        });
      } else if (message.kind === 'done') {
        void worker.terminate();
        resolve({ ...(message.outcome ?? { ok: false }), logs: message.logs ?? [], requests });
      }
    });
    worker.on('error', reject);
  });
}

async function answer(request: HttpRequest): Promise<{ status: number; body: string; headers: Record<string, string>; error?: string }> {
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined && request.method !== 'GET' ? { body: request.body } : {}),
      signal: AbortSignal.timeout(request.timeoutMs)
    });
    return { status: response.status, body: await response.text(), headers: Object.fromEntries(response.headers.entries()) };
  } catch (error) {
    return { status: 0, body: '', headers: {}, error: String(error) };
  }
}
