import { randomInt } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorBody } from './responses';

/** A flow with a REST API trigger the emulator answers for. */
export interface EmulatedFlowTrigger {
  /** The trigger's path, e.g. the official Flow Starter's example `/api/sn_cico/flow_starter/my_flow`. */
  path: string;
  /** Methods it accepts (default: any). */
  methods?: string[];
  /** Trigger inputs that must be in the JSON body: a 400 names the first one missing. */
  requiredInputs?: string[];
}

export interface FlowRun {
  path: string;
  method: string;
  executionId: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

export const DEFAULT_FLOW_TRIGGERS: EmulatedFlowTrigger[] = [{ path: '/api/sn_cico/flow_starter/my_flow' }];

/**
 * A Flow Designer "REST API - Asynchronous" trigger: any method, headers,
 * query and JSON body start one execution, answered with the execution ID
 * only, `{"result": {"executionId": "ndoxeRhshDSezldeGfbYlviFSeFnBjCO"}}`
 * in the docs' example (Integration Hub, rest-trigger: "The flow executes
 * and the REST request returns the execution ID"): 32 letters, not a sys_id.
 * The 400 for a missing required input is the emulator's.
 */
export function registerFlowRoutes(app: FastifyInstance, triggers: readonly EmulatedFlowTrigger[], runs: FlowRun[], authenticate: (request: FastifyRequest) => string | undefined): void {
  for (const trigger of triggers) {
    app.route({
      method: trigger.methods ?? ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      url: trigger.path,
      handler: (request, reply) => {
        if (!authenticate(request)) return reply.code(401).send(errorBody('User Not Authenticated', 'Required to provide Auth information'));
        const body = request.body ?? null;
        const inputs = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
        const missing = (trigger.requiredInputs ?? []).find((input) => inputs[input] === undefined || inputs[input] === null || inputs[input] === '');
        if (missing) return reply.code(400).send(errorBody('Invalid flow input', `Mandatory input ${missing} is missing`));
        const executionId = executionIdLike();
        const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name !== 'authorization').map(([name, value]) => [name, String(value)]));
        runs.push({ path: trigger.path, method: request.method, executionId, query: { ...(request.query as Record<string, string>) }, headers, body });
        return reply.code(200).send({ result: { executionId } });
      }
    });
  }
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** An execution ID of the docs' form: 32 mixed-case letters. */
function executionIdLike(): string {
  return Array.from({ length: 32 }, () => LETTERS[randomInt(LETTERS.length)]).join('');
}
