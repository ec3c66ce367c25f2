/**
 * The retries a job starts with, from a static `zeebe:taskDefinition
 * retries` text (camunda/camunda zeebe/engine BpmnJobBehavior: evalRetriesExp
 * is ExpressionProcessor.evaluateLongExpression, `Number::longValue` of the
 * BigDecimal StaticExpression reads; writeJobCreatedEvent stores
 * `getRetries().intValue()`). Long to int keeps the low 32 bits, so a large
 * number silently turns into another one, negative ones included.
 */
export function jobRetries(text: string): number {
  if (!/^[+-]?\d+$/.test(text)) throw new Error(`jobRetries models whole-number static texts only, not "${text}"`);
  const asLong = BigInt.asIntN(64, BigInt(text));
  return Number(BigInt.asIntN(32, asLong));
}
