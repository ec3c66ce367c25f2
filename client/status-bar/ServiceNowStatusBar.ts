/**
 * A client extension (React, from the Modeler's own copy via the helpers'
 * vendor module) in the status bar of a Camunda 8 diagram with ServiceNow
 * tasks (nothing on the others): how many, their query errors and
 * warnings, and their empty required fields (as the Problems list counts them); the button opens a list of them that selects the task (and
 * focuses its query) on click, and closes on Escape or a click outside. The
 * selected task's count follows the live check under its query field.
 */
import type { Service } from '../types/bpmn-js';
import { createElement as h, useEffect, useRef, useState } from 'react';
import Fill from 'camunda-modeler-plugin-helpers/components/Fill.js';
import { QUERY_CHECKED_EVENT, type QueryChecked } from '../query-validation/live-check';
import { plural, problemsText, summarizeTasks, type TaskSummary } from './task-summary';

interface Props {
  subscribe(event: string, listener: (payload: Service) => void): { cancel(): void };
}

const CAMUNDA_8_TAB = 'cloud-bpmn';
const REFRESH_MS = 300;

export function ServiceNowStatusBar({ subscribe }: Props) {
  const [modelers] = useState(() => new Map<string, Service>());
  const [activeTab, setActiveTab] = useState<{ id: string; type: string } | undefined>();
  const [tasks, setTasks] = useState<TaskSummary[]>([]);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    const created = subscribe('bpmn.modeler.created', ({ modeler, tab }) => {
      modelers.set(tab?.id ?? 'default', modeler);
      setActiveTab((current) => current ?? tab);
    });
    const changed = subscribe('app.activeTabChanged', ({ activeTab: tab }) => setActiveTab(tab));
    return () => { created.cancel(); changed.cancel(); };
  }, []);

  const modeler = activeTab && activeTab.type === CAMUNDA_8_TAB ? modelers.get(activeTab.id) : undefined;

  useEffect(() => {
    if (!modeler) return undefined;
    const eventBus = modeler.get('eventBus');
    const elementRegistry = modeler.get('elementRegistry');
    const elementTemplates = modeler.get('elementTemplates');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const liveTexts = new Map<string, string>();
    const bundled = modeler.get('serviceNowBundledMetadata');
    const refresh = () => setTasks(summarizeTasks(elementRegistry.getAll(), (element) => elementTemplates.get(element) ?? undefined, liveTexts, bundled.current(), bundled.feel()));
    const schedule = () => { clearTimeout(timer); timer = setTimeout(refresh, REFRESH_MS); };
    const checked = ({ element, text }: QueryChecked) => { liveTexts.set(element.id, text); clearTimeout(timer); refresh(); };
    // Only the selected task has a live check; the others read their stored query.
    const selected = () => { liveTexts.clear(); schedule(); };
    const events = ['import.done', 'elements.changed', 'elementTemplates.changed'];
    eventBus.on(events, schedule);
    eventBus.on(QUERY_CHECKED_EVENT, checked);
    eventBus.on('selection.changed', selected);
    refresh();
    return () => { clearTimeout(timer); eventBus.off(events, schedule); eventBus.off(QUERY_CHECKED_EVENT, checked); eventBus.off('selection.changed', selected); };
  }, [modeler]);

  useEffect(() => {
    if (!open) return undefined;
    const onKey = (event: KeyboardEvent) => { if (event.key === 'Escape') setOpen(false); };
    const onPointer = (event: MouseEvent) => { if (!root.current?.contains(event.target as Node)) setOpen(false); };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onPointer);
    return () => { document.removeEventListener('keydown', onKey); document.removeEventListener('mousedown', onPointer); };
  }, [open]);

  if (!modeler || !tasks.length) return null;
  const errors = tasks.reduce((sum, task) => sum + task.errors, 0);
  const warnings = tasks.reduce((sum, task) => sum + task.warnings, 0);
  const missing = tasks.reduce((sum, task) => sum + task.missing, 0);
  const select = (task: TaskSummary) => {
    const element = modeler.get('elementRegistry').get(task.id);
    if (!element) return;
    modeler.get('selection').select(element);
    if (task.queryEntryId) setTimeout(() => modeler.get('eventBus').fire('propertiesPanel.showEntry', { id: task.queryEntryId }), 0);
    setOpen(false);
  };

  return h(Fill, { slot: 'status-bar__file', group: '9_servicenow' },
    h('div', { className: 'servicenow-status', ref: root },
      h('button', {
        type: 'button',
        className: `servicenow-status-button${errors || missing ? ' has-problems' : ''}`,
        'aria-expanded': open,
        'aria-controls': 'servicenow-status-list',
        onClick: () => setOpen(!open)
      }, `ServiceNow: ${plural(tasks.length, 'task')}, ${problemsText({ errors, warnings, missing })}`),
      open ? h('div', { id: 'servicenow-status-list', className: 'servicenow-status-list', role: 'dialog', 'aria-label': 'ServiceNow tasks' },
        h('ul', null, tasks.map((task) => h('li', { key: task.id },
          h('button', { type: 'button', 'data-element-id': task.id, onClick: () => select(task) },
            `${task.name}${task.table ? ` (${task.table})` : ''}: ${problemsText(task)}`))))) : null));
}
