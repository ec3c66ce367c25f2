import type { FastifyInstance } from 'fastify';
import { faultProblems, type Fault, type FaultInjector } from './faults';
import type { LoggedRequest } from './logged-request';
import { errorBody } from './responses';

const KINDS = new Set(['status', 'rate-limit', 'html', 'redirect', 'slow', 'reset', 'truncated-json', 'change-between-pages', 'cancelled-transaction', 'acl-hide-rows', 'acl-hide-fields']);

/**
 * `/__emulator/faults` (POST one fault, DELETE all) and `/__emulator/requests`
 * (GET the log), so that faults can be set on an emulator started by hand
 * (`npm run emulator`), e.g. `curl -X POST -H 'Content-Type: application/json'
 * -d '{"kind":"rate-limit","retryAfterSeconds":5}' <url>/__emulator/faults`.
 */
export function registerAdminRoutes(app: FastifyInstance, faults: FaultInjector, requests: readonly LoggedRequest[]): void {
  app.post('/__emulator/faults', async (request, reply) => {
    const fault = request.body as Partial<Fault> | undefined;
    if (!fault || typeof fault !== 'object' || !KINDS.has(String(fault.kind))) {
      return reply.code(400).send(errorBody('Invalid fault', `kind must be one of ${[...KINDS].join(', ')}`));
    }
    const problems = faultProblems(fault as Record<string, unknown>);
    if (problems.length > 0) return reply.code(400).send(errorBody('Invalid fault', problems.join('; ')));
    faults.add(fault as Fault);
    return reply.code(201).send({ result: fault });
  });
  app.delete('/__emulator/faults', async (_request, reply) => {
    faults.clear();
    return reply.code(204).send();
  });
  app.get('/__emulator/requests', async () => ({ result: requests }));
}
