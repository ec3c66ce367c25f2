/**
 * The connector runtime's secret replacement, camunda/connectors 8.8.0 ..
 * 8.9.7 connector-runtime/connector-runtime-core/src/main/java/io/camunda/connector/runtime/core/secret/SecretUtil.java:
 * it runs over the JSON text of all job variables (JobHandlerContext.java:80
 * `replaceSecrets(job.getVariables(), ...)`), first `{{secrets.X}}`
 * (SecretUtil.java:37), then the legacy bare form `secrets.X`
 * (SecretUtil.java:34), so text like "rotate secrets.yaml" in a request body
 * is replaced too. A value is inserted JSON-quoted (SecretUtil.java:81
 * `encoder.quoteAsString`). An unknown name throws "Secret with name '%s' is
 * not available" (SecretHandler.java:38), a ConnectorInputException, so the
 * job fails with no retries (OutboundConnectorExceptionHandler
 * `handleGenericException`: retries = 0) and the request is never sent.
 */

/** A job the connector runtime fails before calling the connector; `retries` is what it leaves. */
export class JobFailed extends Error {
  constructor(message: string, readonly retries: number) {
    super(message);
  }
}

const PLACEHOLDER = /\{\{\s*secrets\.(\S+?\s*)\}\}/g;
const BARE = /secrets\.((?:[a-zA-Z0-9]+[/._-])*[a-zA-Z0-9]+)/g;

/** Whether text holds the legacy bare form the runtime replaces (outside `{{...}}`). */
export function holdsBareSecretReference(text: string): boolean {
  return new RegExp(BARE.source).test(text.replace(PLACEHOLDER, ''));
}

function replaceAll(input: string, pattern: RegExp, secrets: Record<string, string>): string {
  // SecretUtil loops once per match of the original text, replacing every match each time.
  const rounds = [...input.matchAll(pattern)].length;
  let text = input;
  for (let round = 0; round < rounds; round++) {
    text = text.replace(pattern, (match, group: string) => {
      const name = group.trim();
      const value = secrets[name];
      if (value === undefined) throw new JobFailed(`Secret with name '${name}' is not available`, 0);
      return JSON.stringify(value).slice(1, -1);
    });
  }
  return text;
}

/** The job's variables after the runtime replaced the secrets in their JSON. */
export function replaceSecrets(variables: Record<string, unknown>, secrets: Record<string, string>): Record<string, unknown> {
  const json = JSON.stringify(variables);
  return JSON.parse(replaceAll(replaceAll(json, PLACEHOLDER, secrets), BARE, secrets)) as Record<string, unknown>;
}
