/** @jsxImportSource @bpmn-io/properties-panel/preact */
/**
 * Suggestions while typing in a query field, from the query engine's
 * `completeFeelQuery`: the field becomes an ARIA combobox controlling a
 * listbox shown under it. Arrow keys move, Enter or Tab accept, Escape
 * closes; a click accepts too. Tab accepts what the user typed part of or
 * chose; on a list of what may come next it leaves the field. Accepting writes the whole new value as one
 * command (one undo) and puts the caret after the inserted text.
 */
import type { DiagramElement } from '../types/bpmn-js';
import { useService } from 'bpmn-js-properties-panel';
import { useEffect, useRef, useState } from '@bpmn-io/properties-panel/preact/hooks';
import { completeFeelQuery, type Completion } from '../../core/query';
import type { TemplateProperty } from '../../core/template/types';
import { inOneStep } from '../shared/batch-command';
import { metadataForTemplate } from '../../lint/metadata/template-metadata';
import type { BundledMetadata } from '../shared/bundled-metadata';
import { tableOf } from '../../lint/diagram/servicenow-template';
import { writeProperty } from '../shared/write-binding';
import { frameScheduler } from '../query-validation/live-text';
import { fieldControl, placeCaret, readControl } from './caret';

interface Props {
  element: DiagramElement;
  id: string;
  /** The entry id of the query field it completes. */
  queryEntryId: string;
  property: TemplateProperty;
  conditions?: boolean;
}

interface Open {
  items: Completion[];
  active: number;
  /** The field's text the items were computed for. */
  text: string;
  /** Where the list starts, below the field, relative to this entry. */
  top: number;
  /** The user moved through the list with the arrow keys. */
  navigated: boolean;
}


const NAVIGATION_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Enter', 'Tab']);

export function QueryAutocomplete({ element, id, queryEntryId, property, conditions = false }: Props) {
  const elementTemplates = useService('elementTemplates');
  const commandStack = useService('commandStack');
  const bundled: BundledMetadata = useService('serviceNowBundledMetadata');
  const services = { modeling: useService('modeling'), bpmnFactory: useService('bpmnFactory') };
  const root = useRef<HTMLDivElement | null>(null);
  const [open, setOpen] = useState<Open | null>(null);
  const current = useRef<Open | null>(null);
  current.current = open;
  const template = elementTemplates.get(element);
  const table = template ? tableOf(template, element.businessObject) : undefined;
  const listId = `${id}-listbox`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const entrySelector = `[data-entry-id="${queryEntryId}"]`;
  const control = () => fieldControl(root.current?.ownerDocument.querySelector(entrySelector) ?? null);

  /** Suggestions for the field's text and caret now. */
  const refresh = () => {
    const field = control();
    const state = field && readControl(field);
    const host = root.current;
    if (!field || !state || !host) return show(null);
    const metadata = metadataForTemplate(template, table, bundled.current());
    const feel = bundled.feel();
    const items = completeFeelQuery(state.text, state.caret, { ...(table ? { table } : {}), ...(metadata ? { metadata } : {}), ...(feel ? { feel } : {}), conditions });
    const top = field.getBoundingClientRect().bottom - host.getBoundingClientRect().top;
    show(items.length ? { items, active: 0, text: state.text, top, navigated: false } : null);
  };
  // The key handler reads the list before the next render, so the ref follows each change at once.
  const show = (next: Open | null) => {
    current.current = next;
    setOpen(next);
  };
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;

  const accept = (item: Completion) => {
    const field = control();
    const text = current.current?.text ?? '';
    const next = text.slice(0, item.start) + item.insert + text.slice(item.end);
    const caret = item.start + item.insert.length;
    show(null);
    // The field saves 300 ms after the last keystroke, or on blur: blur first so
    // that save lands before ours instead of overwriting it (as the fix buttons do).
    field?.blur();
    inOneStep(commandStack, () => writeProperty(element, property, next, services));
    requestAnimationFrame(() => {
      const fresh = control();
      if (!fresh) return;
      placeCaret(fresh, caret);
      refreshRef.current();
    });
  };
  const acceptRef = useRef(accept);
  acceptRef.current = accept;

  useEffect(() => {
    const container = root.current?.parentElement;
    if (!container) return undefined;
    const scheduler = frameScheduler(() => refreshRef.current());
    const inField = (target: EventTarget | null) => target instanceof HTMLElement && target.closest(entrySelector) !== null;
    const onInput = (event: Event) => { if (inField(event.target)) scheduler.schedule(); };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!inField(event.target)) return;
      // A key typed before the list caught up with the last keystroke acts on the list for the text as it is now.
      if (NAVIGATION_KEYS.has(event.key)) scheduler.flush();
      const state = current.current;
      if (!state) return;
      const move = (active: number) => show({ ...state, active: (active + state.items.length) % state.items.length, navigated: true });
      const item = state.items[state.active]!;
      if (event.key === 'ArrowDown') move(state.active + 1);
      else if (event.key === 'ArrowUp') move(state.active - 1);
      // Tab when the active item would change nothing typed (what may come next, or the typed word itself) and
      // nothing was chosen leaves the field as usual: tabbing out after a value must not append a `^`.
      else if (event.key === 'Tab' && !state.navigated && state.text.slice(item.start, item.end) === item.insert) return show(null);
      else if (event.key === 'Enter' || event.key === 'Tab') acceptRef.current(item);
      else if (event.key === 'Escape') show(null);
      else return;
      // Capture phase: the field (and the FEEL editor) never see a key the list used.
      event.preventDefault();
      event.stopPropagation();
    };
    const onFocusOut = (event: FocusEvent) => {
      if (inField(event.target) && !root.current?.contains(event.relatedTarget as Node | null)) { scheduler.cancel(); show(null); }
    };
    container.addEventListener('input', onInput);
    container.addEventListener('keydown', onKeyDown, true);
    container.addEventListener('focusout', onFocusOut);
    return () => {
      container.removeEventListener('input', onInput);
      container.removeEventListener('keydown', onKeyDown, true);
      container.removeEventListener('focusout', onFocusOut);
      scheduler.cancel();
    };
  }, [entrySelector]);

  // The field is the combobox: it owns the list and names the active option.
  useEffect(() => {
    const field = control();
    if (!field) return;
    field.setAttribute('role', 'combobox');
    field.setAttribute('aria-autocomplete', 'list');
    field.setAttribute('aria-controls', listId);
    field.setAttribute('aria-expanded', String(open !== null));
    if (open) field.setAttribute('aria-activedescendant', optionId(open.active));
    else field.removeAttribute('aria-activedescendant');
    if (open) root.current?.ownerDocument.getElementById(optionId(open.active))?.scrollIntoView({ block: 'nearest' });
  });

  return (
    <div ref={root} class="bio-properties-panel-entry servicenow-query-autocomplete" data-entry-id={id}>
      {open ? (
        <ul id={listId} role="listbox" aria-label="Query suggestions" class="servicenow-completions" style={{ top: `${open.top}px` }}>
          {open.items.map((item, index) => (
            <li
              key={`${item.kind}-${item.label}-${item.start}`}
              id={optionId(index)}
              role="option"
              aria-selected={index === open.active}
              class={`servicenow-completion servicenow-completion-${item.kind}${index === open.active ? ' active' : ''}`}
              data-kind={item.kind}
              // mousedown, not click: the field keeps its focus until accept blurs it on purpose.
              onMouseDown={(event: MouseEvent) => { event.preventDefault(); accept(item); }}
            >
              <span class="servicenow-completion-label">{item.label}</span>
              <span class="servicenow-completion-detail">{item.detail}</span>
              <span class="servicenow-completion-kind">{item.kind}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
