/** The modeler's bundled snapshot and FEEL parser for a component: undefined until their chunks arrive, then a re-render with them. */
import { useEffect, useState } from '@bpmn-io/properties-panel/preact/hooks';
import { useService } from 'bpmn-js-properties-panel';
import type { FeelParser } from '../../core/feel/tree';
import type { Metadata } from '../../core/metadata/model';
import { METADATA_LOADED_EVENT, type BundledMetadata } from './bundled-metadata';

export function useBundledMetadata(): Metadata | undefined {
  return useBundled().current();
}

export function useFeelParser(): FeelParser | undefined {
  return useBundled().feel();
}

function useBundled(): BundledMetadata {
  const bundled: BundledMetadata = useService('serviceNowBundledMetadata');
  const eventBus = useService('eventBus');
  const [, setArrivals] = useState(0);
  useEffect(() => {
    const arrived = () => setArrivals((count) => count + 1);
    eventBus.on(METADATA_LOADED_EVENT, arrived);
    return () => eventBus.off(METADATA_LOADED_EVENT, arrived);
  }, [eventBus]);
  return bundled;
}
