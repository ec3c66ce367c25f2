/** The modeler's bundled snapshot for a component: undefined until its chunk arrives, then a re-render with it. */
import { useEffect, useState } from '@bpmn-io/properties-panel/preact/hooks';
import { useService } from 'bpmn-js-properties-panel';
import type { Metadata } from '../../core/metadata/model';
import { METADATA_LOADED_EVENT, type BundledMetadata } from './bundled-metadata';

export function useBundledMetadata(): Metadata | undefined {
  const bundled: BundledMetadata = useService('serviceNowBundledMetadata');
  const eventBus = useService('eventBus');
  const [, setArrivals] = useState(0);
  useEffect(() => {
    const arrived = () => setArrivals((count) => count + 1);
    eventBus.on(METADATA_LOADED_EVENT, arrived);
    return () => eventBus.off(METADATA_LOADED_EVENT, arrived);
  }, [eventBus]);
  return bundled.current();
}
