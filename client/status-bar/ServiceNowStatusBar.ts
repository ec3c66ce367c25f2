/**
 * A client extension (React, from the Modeler's own copy via the helpers'
 * vendor module) in the status bar of a Camunda 8 diagram: how many
 * ServiceNow tasks it has and how many query problems; the button opens a
 * list of them that selects the task (and focuses its query) on click.
 */
import type { Service } from '../types/bpmn-js';
import { createElement as h, useEffect, useState } from 'react';
import Fill from 'camunda-modeler-plugin-helpers/components/Fill.js';
import { summarizeTasks, type TaskSummary } from './task-summary';

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
    const refresh = () => setTasks(summarizeTasks(elementRegistry.getAll(), (element) => elementTemplates.get(element) ?? undefined));
    const schedule = () => { clearTimeout(timer); timer = setTimeout(refresh, REFRESH_MS); };
    const events = ['import.done', 'elements.changed', 'elementTemplates.changed'];
    eventBus.on(events, schedule);
    refresh();
    return () => { clearTimeout(timer); eventBus.off(events, schedule); };
  }, [modeler]);

  if (!modeler) return null;
  const problems = tasks.reduce((sum, task) => sum + task.problems, 0);
  const select = (task: TaskSummary) => {
    const element = modeler.get('elementRegistry').get(task.id);
    if (!element) return;
    modeler.get('selection').select(element);
    if (task.queryEntryId) setTimeout(() => modeler.get('eventBus').fire('propertiesPanel.showEntry', { id: task.queryEntryId }), 0);
    setOpen(false);
  };

  return h(Fill, { slot: 'status-bar__file', group: '9_servicenow' },
    h('div', { className: 'servicenow-status' },
      h('button', {
        type: 'button',
        className: `servicenow-status-button${problems ? ' has-problems' : ''}`,
        'aria-expanded': open,
        'aria-controls': 'servicenow-status-list',
        onClick: () => setOpen(!open)
      }, `ServiceNow: ${plural(tasks.length, 'task')}, ${plural(problems, 'query problem')}`),
      open ? h('div', { id: 'servicenow-status-list', className: 'servicenow-status-list', role: 'dialog', 'aria-label': 'ServiceNow tasks' },
        tasks.length
          ? h('ul', null, tasks.map((task) => h('li', { key: task.id },
            h('button', { type: 'button', 'data-element-id': task.id, onClick: () => select(task) },
              `${task.name}${task.table ? ` (${task.table})` : ''}: ${plural(task.problems, 'problem')}`))))
          : h('p', null, 'No ServiceNow tasks in this diagram.')) : null));
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
