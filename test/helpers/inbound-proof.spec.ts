import { describe, expect, it } from 'vitest';
import { MessageBroker, type PublishedMessage } from './inbound-proof';

/** A message as the webhook templates publish it: one per record version, the runtime's default TTL. */
const message = (overrides: Partial<PublishedMessage> = {}): PublishedMessage => ({
  name: 'incident-updated', correlationKey: '46d44a5dc0a80a8a012345b0d2d6c7e1', messageId: 'incident:46d44a5dc0a80a8a012345b0d2d6c7e1:3', timeToLive: 3600, variables: {}, tenantId: '<default>', ...overrides
});
const waitingIn = (bpmnProcessId: string) => ({ bpmnProcessId, messageName: 'incident-updated', correlationKey: '46d44a5dc0a80a8a012345b0d2d6c7e1' });

describe('the model of Zeebe\'s message buffer (camunda/camunda MessagePublishProcessor, MessageCorrelateBehavior)', () => {
  it('a message nobody waits for is buffered for its TTL and taken by a process that starts waiting in time', () => {
    const broker = new MessageBroker();
    expect(broker.publish(message())).toBe('buffered');
    broker.advance(3599);
    expect(broker.subscribe(waitingIn('follow-up'))).toBe('correlated');
    expect(broker.correlated.map(({ bpmnProcessId }) => bpmnProcessId)).toEqual(['follow-up']);
  });

  it('an expired message, or one with TTL 0, is gone: the process keeps waiting, and its id may be published again', () => {
    const broker = new MessageBroker();
    expect(broker.publish(message({ timeToLive: 0 }))).toBe('dropped');
    expect(broker.publish(message())).toBe('buffered');
    expect(broker.publish(message())).toBe('already-exists');
    broker.advance(3600);
    expect(broker.subscribe(waitingIn('follow-up'))).toBe('waiting');
    expect(broker.publish(message())).toBe('correlated');
  });

  it('the duplicate check is per name, correlation key and id: the same id under another name or key is a new message', () => {
    const broker = new MessageBroker();
    expect(broker.publish(message())).toBe('buffered');
    expect(broker.publish(message({ name: 'incident-escalated' }))).toBe('buffered');
    expect(broker.publish(message({ correlationKey: 'another-sys-id' }))).toBe('buffered');
    expect(broker.publish(message({ messageId: '' }))).toBe('buffered');
    expect(broker.publish(message({ messageId: '' }))).toBe('buffered');
  });

  it('a message correlates once per process: of two instances of one process waiting for the record, one takes it, and another process gets it too', () => {
    const broker = new MessageBroker();
    for (const process of ['follow-up', 'follow-up', 'escalation']) broker.subscribe(waitingIn(process));
    expect(broker.publish(message())).toBe('correlated');
    expect(broker.correlated.map(({ bpmnProcessId }) => bpmnProcessId)).toEqual(['follow-up', 'escalation']);
    // The second follow-up instance waits for the next record version, not for the buffered message.
    expect(broker.publish(message({ messageId: 'incident:46d44a5dc0a80a8a012345b0d2d6c7e1:4' }))).toBe('correlated');
    expect(broker.correlated.map(({ bpmnProcessId }) => bpmnProcessId)).toEqual(['follow-up', 'escalation', 'follow-up']);
  });

  it('a message start event starts an instance for each message without a correlation key, and stays subscribed', () => {
    const broker = new MessageBroker();
    broker.subscribe({ bpmnProcessId: 'on-create', messageName: 'incident-created', correlationKey: '', start: true });
    expect(broker.publish(message({ name: 'incident-created', correlationKey: '', messageId: 'incident:a:0' }))).toBe('correlated');
    expect(broker.publish(message({ name: 'incident-created', correlationKey: '', messageId: 'incident:b:0' }))).toBe('correlated');
    expect(broker.publish(message({ name: 'incident-created', correlationKey: '', messageId: 'incident:b:0' }))).toBe('already-exists');
    expect(broker.correlated).toHaveLength(2);
  });
});
