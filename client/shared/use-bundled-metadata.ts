/** The bundled snapshot for a component: undefined until its chunk arrives, then a re-render with it. */
import { useEffect, useState } from '@bpmn-io/properties-panel/preact/hooks';
import type { Metadata } from '../../core/metadata/model';
import { bundledMetadata, onBundledMetadata } from '../../lint/metadata/template-metadata';

export function useBundledMetadata(): Metadata | undefined {
  const [, setArrivals] = useState(0);
  useEffect(() => onBundledMetadata(() => setArrivals((count) => count + 1)), []);
  return bundledMetadata();
}
