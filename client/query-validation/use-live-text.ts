/**
 * The text of a template field as the user types it, before the panel
 * commits it (the panel debounces its writes), else its stored value: the
 * live checks under a field (the query's, the fields' and payload's) follow
 * it. Listens on the entry's parent for `input` events from the field's
 * entry, at most one update per frame.
 */
import { useEffect, useState } from '@bpmn-io/properties-panel/preact/hooks';
import { frameScheduler, readControlText } from './live-text';

interface Ref<T> { current: T }

export function useLiveText(root: Ref<HTMLElement | null>, fieldEntryId: string, storedText: string, element: unknown): [string, (text: string) => void] {
  const [text, setText] = useState(storedText);

  useEffect(() => setText(storedText), [storedText, element]);

  useEffect(() => {
    const container = root.current?.parentElement;
    if (!container) return undefined;
    let latest: string | undefined;
    const scheduler = frameScheduler(() => { if (latest !== undefined) setText(latest); });
    const onInput = (event: Event) => {
      const target = event.target as HTMLElement | null;
      if (!target?.closest(`[data-entry-id="${fieldEntryId}"]`)) return;
      latest = readControlText(target);
      scheduler.schedule();
    };
    container.addEventListener('input', onInput);
    return () => { container.removeEventListener('input', onInput); scheduler.cancel(); };
  }, [fieldEntryId]);

  return [text, setText];
}
