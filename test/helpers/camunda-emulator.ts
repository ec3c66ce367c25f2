/**
 * A Camunda cluster on 127.0.0.1 for the ServiceNow scripts' tests: an OAuth
 * token endpoint (client credentials, form-encoded), the v2 endpoints the
 * Script Include calls (Bearer token checked, bodies checked against
 * V2_REQUEST_SCHEMAS), and webhook endpoints `/inbound/:id` that verify
 * the signature as the Webhook connector does. Refusals are problem+json as the
 * REST gateway writes them (camunda/camunda zeebe/gateway-rest
 * .../RestErrorMapper.java `createProblemDetail`, `mapProblemToResponse`; Spring's
 * ProblemDetail with type about:blank and the request path as instance).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyReply } from 'fastify';
import formbody from '@fastify/formbody';
import Ajv from 'ajv';
import { answerWebhook, type InboundRuntime, type MessageBroker, type WebhookEndpoint } from './inbound-proof';
import { V2_REQUEST_SCHEMAS } from './orchestration-api-schemas';

export interface CamundaEmulatorOptions {
  clientId: string;
  clientSecret: string;
  audience?: string;
  /** The shared secret of the webhooks. */
  webhookSecret: string;
  hmacHeader: string;
  /** Token lifetime in seconds. */
  expiresIn?: number;
  /** Webhook IDs whose answer comes this many milliseconds late (a process slow to correlate). */
  webhookDelayMs?: Record<string, number>;
  /** The messages processes wait for, for `/v2/messages/correlation`; undefined: one waits for every message. */
  subscriptions?: { name: string; correlationKey: string }[];
  /**
   * The deployed webhook elements by ID (inbound-proof `registerWebhooks`). Given, an ID without an active webhook
   * is 404, a request is checked with its element's method and HMAC properties (not `webhookSecret`/`hmacHeader`)
   * and answered as `answerWebhook` does, publishing to `broker`; undefined, every ID is one POST webhook whose
   * signed requests are answered an empty 200.
   */
  webhookEndpoints?: Map<string, WebhookEndpoint>;
  broker?: MessageBroker;
  runtime?: InboundRuntime;
}

export interface ReceivedCall {
  path: string;
  body: unknown;
  /** Schema problems of the body (empty: valid). */
  problems: string[];
}

export interface ReceivedWebhook {
  id: string;
  rawBody: string;
  headers: Record<string, string>;
  signatureValid: boolean;
}

/**
 * connectors 8.8.16 connectors/webhook/.../signature/HMACSignatureValidator.isRequestValid:
 * the header is looked up case-insensitively; a value `tag=hex` is compared
 * without its tag; the expected MAC is the HMAC of the raw body bytes with
 * the UTF-8 secret, accepted as lower-case hex or as Base64. A missing
 * header is an error (ConnectorException), an empty one invalid.
 */
/** HMACAlgoCustomerChoice (8.8.16 and 8.9.7): the `inbound.hmacAlgorithm` values and their JCA MACs. */
const HMAC_ALGORITHMS: Record<string, string> = { sha_1: 'sha1', sha_256: 'sha256', sha_512: 'sha512' };

export function connectorAcceptsSignature(rawBody: Buffer, headers: Record<string, string | string[] | undefined>, hmacHeader: string, secret: string, algorithm = 'sha_256'): boolean {
  const digest = HMAC_ALGORITHMS[algorithm];
  if (!digest) throw new Error(`camunda-emulator: inbound.hmacAlgorithm ${algorithm} is no HMACAlgoCustomerChoice (the runtime cannot bind it)`);
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === hmacHeader.toLowerCase());
  if (!entry) throw new Error(`Expected HMAC header ${hmacHeader}, but was not present`);
  const provided = String(entry[1] ?? '');
  if (!provided) return false;
  // Java's String.split drops trailing empty strings: "abc=" splits into one part.
  const parts = provided.split('=');
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  const withoutTag = parts.length === 2 ? (parts[1] as string) : provided;
  const mac = createHmac(digest, Buffer.from(secret, 'utf8')).update(rawBody).digest();
  const equal = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
  return equal(provided, mac.toString('hex')) || equal(withoutTag, mac.toString('hex')) || equal(provided, mac.toString('base64'));
}

export async function startCamundaEmulator(options: CamundaEmulatorOptions) {
  const app = Fastify({ forceCloseConnections: true });
  await app.register(formbody);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  const ajv = new Ajv({ allErrors: true });
  const tokens = new Set<string>();
  const tokenRequests: Record<string, string>[] = [];
  const calls: ReceivedCall[] = [];
  const webhooks: ReceivedWebhook[] = [];
  let issued = 0;

  app.post('/oauth/token', async (request, reply) => {
    const form = request.body as Record<string, string>;
    tokenRequests.push({ ...form, client_secret: form.client_secret ? '<redacted>' : '' });
    if (form.grant_type !== 'client_credentials' || form.client_id !== options.clientId || form.client_secret !== options.clientSecret) {
      return reply.code(401).send({ error: 'invalid_client' });
    }
    if (options.audience !== undefined && form.audience !== options.audience) return reply.code(400).send({ error: 'invalid_request', error_description: 'unknown audience' });
    const token = `token-${++issued}`;
    tokens.add(token);
    return { access_token: token, token_type: 'Bearer', expires_in: options.expiresIn ?? 300 };
  });

  /** A Spring ProblemDetail (RestErrorMapper.createProblemDetail: the title is the rejection type or validation's INVALID_ARGUMENT). */
  const problem = (reply: FastifyReply, status: number, title: string, detail: string, instance: string) =>
    reply.code(status).type('application/problem+json').send({ type: 'about:blank', title, status, detail, instance });

  /** The engine's rejection of a command, answered as a problem. */
  class Rejection {
    constructor(readonly status: number, readonly title: string, readonly detail: string) {}
  }

  const v2 = (template: string, respond: (body: Record<string, unknown>) => unknown) => {
    const validate = ajv.compile(V2_REQUEST_SCHEMAS[template] as object);
    app.post(template.replace('{processInstanceKey}', ':processInstanceKey'), async (request, reply) => {
      const authorization = String(request.headers.authorization ?? '');
      // rest-api.yaml components/responses/Unauthorized: problem+json with a WWW-Authenticate header (title and detail here are ours).
      if (!authorization.startsWith('Bearer ') || !tokens.has(authorization.slice('Bearer '.length))) return problem(reply.header('WWW-Authenticate', 'Bearer'), 401, 'Unauthorized', 'The request lacks valid authentication credentials.', request.url);
      const raw = (request.body as Buffer | undefined)?.toString('utf8') ?? '';
      const body = raw ? JSON.parse(raw) as Record<string, unknown> : null;
      const problems = validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
      calls.push({ path: request.url, body, problems });
      // zeebe/gateway-rest .../validator/RequestValidator.createProblemDetail: the violations joined by ". ", titled INVALID_ARGUMENT (our schema check words them).
      if (problems.length) return problem(reply, 400, 'INVALID_ARGUMENT', `${problems.join('. ')}.`, request.url);
      const answer = respond(body ?? {});
      if (answer instanceof Rejection) return problem(reply, answer.status, answer.title, answer.detail, request.url);
      return answer === undefined ? reply.code(204).send() : answer;
    });
  };
  v2('/v2/process-instances', (body) => ({ processDefinitionId: body.processDefinitionId ?? 'emulated-process', processDefinitionVersion: 1, tenantId: '<default>', variables: {}, processDefinitionKey: body.processDefinitionKey ?? '2251799813685249', processInstanceKey: '2251799813685251', tags: body.tags ?? [] }));
  v2('/v2/messages/publication', () => ({ tenantId: '<default>', messageKey: '2251799813685260' }));
  v2('/v2/messages/correlation', (body) => {
    const name = String(body.name);
    const correlationKey = String(body.correlationKey ?? '');
    const waiting = options.subscriptions?.some((each) => each.name === name && each.correlationKey === correlationKey) ?? true;
    // MessageCorrelationCorrelateProcessor rejects NOT_FOUND; RestErrorMapper DEFAULT_REJECTION_MAPPER answers 404 with the rejection.
    if (!waiting) return new Rejection(404, 'NOT_FOUND', `Command 'CORRELATE' rejected with code 'NOT_FOUND': Expected to find subscription for message with name '${name}' and correlation key '${correlationKey}', but none was found.`);
    return { tenantId: '<default>', messageKey: '2251799813685261', processInstanceKey: '2251799813685251' };
  });
  v2('/v2/signals/broadcast', () => ({ tenantId: '<default>', signalKey: '2251799813685262' }));
  v2('/v2/process-instances/{processInstanceKey}/cancellation', () => undefined);

  // InboundWebhookRestController.inbound maps these methods (8.8.16 and 8.9.7).
  app.route({ method: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'], url: '/inbound/:id', handler: async (request, reply) => {
    const rawBody = (request.body as Buffer | undefined) ?? Buffer.alloc(0);
    const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
    const id = (request.params as { id: string }).id;
    const endpoint = options.webhookEndpoints?.get(id);
    // `getActiveWebhook(context)` first: an unknown ID is a bare 404, before any check.
    if (options.webhookEndpoints && !endpoint) {
      webhooks.push({ id, rawBody: rawBody.toString('utf8'), headers, signatureValid: false });
      return reply.code(404).send();
    }
    const properties = endpoint?.active[0]?.element.connectorProperties;
    // HttpWebhookExecutable.triggerWebhook: `validateHttpMethod` (405, GenericErrorResponse), then `verifyHmac`.
    // An element without inbound.method takes any (WebhookConnectorProperties: `HttpMethods.any`); the legacy stand-in is POST only.
    const method = properties ? properties['inbound.method'] ?? 'any' : 'post';
    const methodAllowed = method.toLowerCase() === 'any' || request.method.toLowerCase() === method.toLowerCase();
    const checksHmac = properties ? properties['inbound.shouldValidateHmac'] === 'enabled' : true;
    let signatureValid = true;
    let missingHeader = false;
    if (methodAllowed && checksHmac) {
      try {
        signatureValid = connectorAcceptsSignature(rawBody, request.headers, properties?.['inbound.hmacHeader'] ?? options.hmacHeader, properties?.['inbound.hmacSecret'] ?? options.webhookSecret, properties?.['inbound.hmacAlgorithm']);
      } catch {
        signatureValid = false;
        missingHeader = true;
      }
    }
    webhooks.push({ id, rawBody: rawBody.toString('utf8'), headers, signatureValid });
    const delay = options.webhookDelayMs?.[id];
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    if (!methodAllowed) return reply.code(405).send({ reason: `Method ${request.method} not supported` });
    // connectors 8.8.16 HttpWebhookExecutable.webhookSignatureIsValid (8.9.7 HMACVerifier) wraps the missing-header
    // ConnectorException in a RuntimeException, which InboundWebhookRestController.buildErrorResponse answers 500
    // without a body; a wrong signature is a WebhookSecurityException(401, INVALID_SIGNATURE), answered with
    // GenericErrorResponse(getMessage()), the message prefixed by the reason (connector-sdk WebhookConnectorException).
    if (missingHeader) return reply.code(500).send();
    if (!signatureValid) return reply.code(401).send({ reason: "Reason: INVALID_SIGNATURE. Details: HMAC signature check didn't pass" });
    if (!options.webhookEndpoints) return reply.code(200).send();
    let body: Record<string, unknown>;
    try {
      // HttpWebhookUtil.transformRawBodyToObject: an empty body is {}, anything else read as JSON (a failure: 500).
      body = rawBody.length === 0 ? {} : JSON.parse(rawBody.toString('utf8')) as Record<string, unknown>;
    } catch {
      return reply.code(500).send();
    }
    const answer = answerWebhook(options.webhookEndpoints, id, body, { headers, ...(options.broker ? { broker: options.broker } : {}), ...(options.runtime ? { runtime: options.runtime } : {}) });
    return answer.body === undefined ? reply.code(answer.status).send() : reply.code(answer.status).send(answer.body);
  } });

  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url: address, tokenRequests, calls, webhooks, close: () => app.close() };
}
