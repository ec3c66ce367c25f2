import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUserError, UserError } from '../../../core/errors';
import { loadSnapshot } from '../../../core/metadata/load';
import { findField, type Metadata } from '../../../core/metadata/model';
import type { Overlay } from '../../../core/metadata/overlay';
import { syntheticSnapshotFiles } from '../../../bench/synthetic-snapshot';
import { choice, column, snapshotFiles, table, taskAndIncident, type SnapshotParts } from './snapshot-files';

function load(parts: SnapshotParts, overlay?: Overlay): Metadata {
  return loadSnapshot(snapshotFiles(parts), overlay ? { overlay } : {});
}

function field(metadata: Metadata, tableName: string, element: string) {
  const resolved = metadata.tables.get(tableName);
  if (!resolved) throw new Error(`no table ${tableName}`);
  return findField(resolved, element);
}

/** The UserError a load throws, or a failure when it returns. */
function loadError(parts: SnapshotParts, overlay?: Overlay): UserError {
  let result: Metadata | undefined;
  try {
    result = load(parts, overlay);
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  throw new Error(`expected the load to fail, got ${result.tables.size} tables`);
}

describe('core/metadata - loadSnapshot', () => {
  describe('inheritance and overrides', () => {
    it('gives incident its own fields and every field of task', () => {
      // when
      const metadata = load(taskAndIncident());

      // then
      const incident = metadata.tables.get('incident')!;
      expect(incident.hierarchy).toEqual(['incident', 'task']);
      expect(incident.superClass).toBe('task');
      expect(incident.fields.map((f) => f.element)).toEqual([
        'assignment_group', 'caller_id', 'category', 'number', 'priority', 'short_description', 'state', 'subcategory', 'sys_created_on'
      ]);
      expect(field(metadata, 'incident', 'assignment_group')).toMatchObject({ definedOn: 'task', internalType: 'reference', reference: 'sys_user_group' });
      expect(field(metadata, 'incident', 'caller_id')).toMatchObject({ definedOn: 'incident', label: 'Caller', reference: 'sys_user' });
      expect(field(metadata, 'task', 'caller_id')).toBeUndefined();
    });

    it('applies a dictionary override on the child only, and the nearest override wins', () => {
      // given: major_incident extends incident extends task; overrides on incident and on major_incident
      const parts = taskAndIncident();
      parts.tables.push(table('major_incident', 'incident'));
      parts.overrides.push(
        { name: 'incident', element: 'short_description', mandatory_override: 'true', mandatory: 'true', default_value_override: 'true', default_value: 'from incident' },
        { name: 'incident', element: 'state', read_only_override: 'true', read_only: 'true' },
        { name: 'major_incident', element: 'short_description', default_value_override: 'true', default_value: 'from major' }
      );

      // when
      const metadata = load(parts);

      // then
      expect(field(metadata, 'task', 'short_description')).toMatchObject({ mandatory: false, maxLength: 160 });
      expect(field(metadata, 'task', 'short_description')?.defaultValue).toBeUndefined();
      expect(field(metadata, 'incident', 'short_description')).toMatchObject({ mandatory: true, defaultValue: 'from incident' });
      expect(field(metadata, 'major_incident', 'short_description')).toMatchObject({ mandatory: true, defaultValue: 'from major' });
      expect(field(metadata, 'incident', 'state')).toMatchObject({ readOnly: true, writable: false, defaultValue: '1' });
      expect(field(metadata, 'task', 'state')).toMatchObject({ readOnly: false, writable: true });
    });

    it('ignores an override whose _override flag is false', () => {
      // given
      const parts = taskAndIncident();
      parts.overrides.push({ name: 'incident', element: 'short_description', mandatory_override: 'false', mandatory: 'true' });

      // when / then
      expect(field(load(parts), 'incident', 'short_description')?.mandatory).toBe(false);
    });
  });

  describe('choices', () => {
    it('uses the table\'s own choices, else falls back to the defining table\'s', () => {
      // given: task.state has generic choices, incident.state its own; problem has none
      const parts = taskAndIncident();
      parts.tables.push(table('problem', 'task'));
      parts.choices.push(
        choice('task', 'state', '1', 'Open', { sequence: '1' }),
        choice('task', 'state', '3', 'Closed Complete', { sequence: '3' }),
        choice('incident', 'state', '7', 'Closed', { sequence: '7' }),
        choice('incident', 'state', '1', 'New', { sequence: '1' }),
        choice('incident', 'state', '6', 'Resolved', { sequence: '6', inactive: 'true' })
      );

      // when
      const metadata = load(parts);

      // then
      expect(field(metadata, 'incident', 'state')?.choices).toEqual([
        { value: '1', label: 'New', inactive: false, sequence: 1 },
        { value: '6', label: 'Resolved', inactive: true, sequence: 6 },
        { value: '7', label: 'Closed', inactive: false, sequence: 7 }
      ]);
      expect(field(metadata, 'problem', 'state')?.choices.map((c) => c.label)).toEqual(['Open', 'Closed Complete']);
      expect(field(metadata, 'task', 'state')?.choices.map((c) => c.value)).toEqual(['1', '3']);
    });

    it('falls back through an intermediate super class before the defining table', () => {
      // given: server → computer → ci; choices on computer only
      const parts: SnapshotParts = {
        tables: [table('cmdb_ci'), table('cmdb_ci_computer', 'cmdb_ci'), table('cmdb_ci_server', 'cmdb_ci_computer')],
        columns: [column('cmdb_ci', 'install_status', 'integer')],
        choices: [choice('cmdb_ci_computer', 'install_status', '1', 'Installed')]
      };

      // when
      const metadata = load(parts);

      // then
      expect(field(metadata, 'cmdb_ci_server', 'install_status')?.choices.map((c) => c.label)).toEqual(['Installed']);
      expect(field(metadata, 'cmdb_ci', 'install_status')?.choices).toEqual([]);
    });

    it('keeps dependent values and the dependent-on field', () => {
      // given
      const parts = taskAndIncident();
      parts.choices.push(
        choice('incident', 'category', 'software', 'Software'),
        choice('incident', 'subcategory', 'email', 'Email', { dependent_value: 'software' })
      );

      // when
      const subcategory = field(load(parts), 'incident', 'subcategory');

      // then
      expect(subcategory).toMatchObject({ dependentOnField: 'category', choiceMode: 1 });
      expect(subcategory?.choices).toEqual([{ value: 'email', label: 'Email', inactive: false, dependentValue: 'software' }]);
    });

    it('takes choices from another table\'s column (choice_table / choice_field)', () => {
      // given: incident.incident_state shows incident.state's choices
      const parts = taskAndIncident();
      parts.columns.push(column('incident', 'incident_state', 'integer', { choice_table: 'incident', choice_field: 'state', choice: '3' }));
      parts.choices.push(choice('incident', 'state', '1', 'New'));

      // when / then
      expect(field(load(parts), 'incident', 'incident_state')?.choices.map((c) => c.label)).toEqual(['New']);
    });

    it('reads a NULL_OVERRIDE choice as the label of "-- None --", not as a value to send', () => {
      // given: ServiceNowDocs t_ViewChoiceListDefinitions.md, "Change the None display value": "Enter NULL_OVERRIDE as the
      // value, or the new label appears in addition to the -- None -- option"; the SDK's contract_sla.duration_type has one
      const parts = taskAndIncident();
      parts.choices.push(choice('incident', 'category', 'NULL_OVERRIDE', '-- Default --', { sequence: '0' }), choice('incident', 'category', 'software', 'Software'));

      // when / then
      expect(field(load(parts), 'incident', 'category')?.choices.map((c) => c.value)).toEqual(['software']);
    });

    it('takes only the other column\'s choices once choice_table and choice_field are set, not its own', () => {
      // given: ServiceNowDocs platform-administration/t_ViewChoiceListDefinitions.md, "Reuse a choice list": "After you
      // specify a choice table and a choice field, the field no longer uses the defined choice list."
      const parts = taskAndIncident();
      parts.columns.push(column('incident', 'incident_state', 'integer', { choice_table: 'incident', choice_field: 'state', choice: '3' }));
      parts.choices.push(choice('incident', 'state', '1', 'New'), choice('incident', 'incident_state', '9', 'Left from before'));

      // when / then
      expect(field(load(parts), 'incident', 'incident_state')?.choices.map((c) => c.label)).toEqual(['New']);
    });

    it('reads only English choices', () => {
      // given
      const parts = taskAndIncident();
      parts.choices.push(choice('incident', 'category', 'software', 'Software', { language: 'en' }), choice('incident', 'category', 'software', 'Logiciel', { language: 'fr' }));

      // when / then
      expect(field(load(parts), 'incident', 'category')?.choices.map((c) => c.label)).toEqual(['Software']);
    });

    it('in another language, keeps a column\'s translated choices, and its English ones only where it has none translated', () => {
      // given: the platform shows a user only the choices in their language when a column has any, else the English ones;
      // the two never mix (ServiceNow Community, developer-forum "How can i show choices in english even if my instance
      // is in another language", https://www.servicenow.com/community/developer-forum/how-can-i-show-choices-in-english-even-if-my-instance-is-in/td-p/2746879)
      const parts = { ...taskAndIncident(), manifest: { format: 1, origin: 'instance', source: 'https://dev1.service-now.com', language: 'de', tables: ['incident'], records: {} } };
      parts.choices.push(
        choice('task', 'state', '1', 'New', { language: 'en' }),
        choice('task', 'state', '2', 'In Progress', { language: 'en' }),
        choice('task', 'state', '1', 'Neu', { language: 'de' }),
        choice('incident', 'category', 'software', 'Software', { language: 'en' }),
        choice('incident', 'category', 'network', 'Network', { language: 'en' }),
        choice('incident', 'subcategory', 'email', 'Email', { language: 'fr' })
      );

      // when
      const metadata = load(parts);

      // then
      expect(field(metadata, 'incident', 'state')?.choices.map((c) => c.label)).toEqual(['Neu']);
      expect(field(metadata, 'incident', 'category')?.choices.map((c) => c.label).sort()).toEqual(['Network', 'Software']);
      expect(field(metadata, 'incident', 'subcategory')?.choices).toEqual([]);
    });
  });

  describe('writability and defaults', () => {
    it('marks sys_, read-only, calculated and journal-list fields as not writable, with a reason', () => {
      // given
      const parts = taskAndIncident();
      parts.columns.push(
        column('task', 'calendar_duration', 'glide_duration', { virtual: 'true' }),
        column('task', 'comments_and_work_notes', 'journal_list', { dependent: 'comments,work_notes' })
      );

      // when
      const metadata = load(parts);

      // then
      const reasons = Object.fromEntries(metadata.tables.get('incident')!.fields.filter((f) => !f.writable).map((f) => [f.element, f.notWritableReason]));
      expect(reasons).toEqual({
        calendar_duration: 'calculated: the platform computes its value',
        comments_and_work_notes: 'display-only list of journal entries: write the journal fields it shows instead',
        number: 'read-only in the dictionary',
        sys_created_on: 'system field (sys_): set by the platform'
      });
      expect(field(metadata, 'incident', 'comments_and_work_notes')?.dependentOnField).toBeUndefined();
    });

    it('marks an auto-numbered column (the getNextObjNumberPadded() default) as not writable, even when the dictionary does not make it read-only', () => {
      // given
      const parts = taskAndIncident();
      parts.columns.push(column('task', 'u_ticket', 'string', { default_value: 'javascript:getNextObjNumberPadded();' }));

      // when
      const ticket = field(load(parts), 'incident', 'u_ticket');

      // then
      expect(ticket).toMatchObject({ writable: false, notWritableReason: 'numbered by the platform on insert (auto-numbering default getNextObjNumberPadded())' });
    });

    it('fills in the instance default max length by type when the dictionary has none', () => {
      // given
      const parts = taskAndIncident();
      parts.columns.push(
        column('task', 'watch_list', 'glide_list', { reference: 'sys_user' }),
        column('task', 'work_notes', 'journal_input'),
        column('task', 'script', 'script'),
        column('task', 'body', 'html'),
        column('task', 'time_worked', 'glide_duration'),
        column('task', 'table_name', 'table_name')
      );

      // when
      const lengths = Object.fromEntries(load(parts).tables.get('task')!.fields.map((f) => [f.element, f.maxLength]));

      // then
      expect(lengths).toMatchObject({
        assignment_group: 32, short_description: 160, state: 40, watch_list: 4000, work_notes: 4000, script: 8000, body: 65536, time_worked: 20, table_name: 80
      });
    });

    it('keeps an unknown internal type as it is, with a warning naming the record', () => {
      // given
      const parts = taskAndIncident();
      parts.columns.push(column('incident', 'u_geo', 'geo_point_v9', { sys_id: 'abc123' }));

      // when
      const metadata = load(parts);

      // then
      expect(field(metadata, 'incident', 'u_geo')?.internalType).toBe('geo_point_v9');
      expect(metadata.warnings).toEqual([
        { file: 'sys_dictionary.json', record: 'record 10 (incident.u_geo, sys_id abc123)', message: 'unknown internal_type "geo_point_v9", kept as it is' }
      ]);
    });

    it('reads the dot-walked internal_type.name and reference.name when a dump has them', () => {
      // given
      const parts = taskAndIncident();
      parts.columns.push({ name: 'incident', element: 'problem_id', 'internal_type.name': 'reference', 'reference.name': 'sys_user' });

      // when / then
      expect(field(load(parts), 'incident', 'problem_id')).toMatchObject({ internalType: 'reference', reference: 'sys_user' });
    });

    it('reads the reference key, and leaves it out when the column has none', () => {
      // given
      const parts = taskAndIncident();
      parts.columns.push({ name: 'incident', element: 'caller_email', internal_type: 'reference', reference: 'sys_user', reference_key: 'email' });

      // when
      const metadata = load(parts);

      // then
      expect(field(metadata, 'incident', 'caller_email')).toMatchObject({ reference: 'sys_user', referenceKey: 'email' });
      expect(field(metadata, 'incident', 'caller_id')).not.toHaveProperty('referenceKey');
    });

    it('reads a value given as a {link, value} reference object', () => {
      // given: a dump made without sysparm_exclude_reference_link=true
      const parts = taskAndIncident();
      (parts.columns[6] as Record<string, unknown>)['reference'] = { link: 'https://x/api/now/table/sys_db_object/1', value: 'sys_user' };

      // when / then
      expect(field(load(parts), 'incident', 'caller_id')?.reference).toBe('sys_user');
    });

    it('reads the value of a {display_value, value, link} object, as sysparm_display_value=all sends every field', () => {
      // given: the Table API docs' "all: Returns both actual and display values" (GET /now/table), labels in the user's language
      const parts = taskAndIncident();
      const both = (value: string, display: string, link?: string) => ({ display_value: display, value, ...(link ? { link } : {}) });
      const caller = parts.columns[6] as Record<string, unknown>;
      caller['reference'] = both('sys_user', 'Benutzer', 'https://x/api/now/table/sys_db_object/sys_user');
      caller['internal_type'] = both('reference', 'Referenz', 'https://x/api/now/table/sys_glide_object/reference');
      caller['mandatory'] = both('true', 'wahr');
      (parts.tables[1] as Record<string, unknown>)['super_class.name'] = both('task', 'Aufgabe');

      // when
      const metadata = load(parts);

      // then
      expect(field(metadata, 'incident', 'caller_id')).toMatchObject({ reference: 'sys_user', internalType: 'reference', mandatory: true });
      expect(metadata.tables.get('incident')?.hierarchy).toEqual(['incident', 'task']);
    });

    it('refuses a {display_value, link} object, as sysparm_display_value=true sends a reference, naming the record and the fix', () => {
      // given: a label where the table name belongs (shape as PySNC's test_serialize_reference_link_all serialises display_value=True)
      const parts = taskAndIncident();
      (parts.columns[6] as Record<string, unknown>)['reference'] = { display_value: 'User', link: 'https://x/api/now/table/sys_db_object/2b1d' };

      // when
      const error = loadError(parts);

      // then
      expect(error.details[0]).toBe(
        'sys_dictionary.json record 7 (incident.caller_id): reference holds only a display value ("User"), not the stored value: the dump was made with sysparm_display_value=true; read it again with sysparm_display_value=false (the default) or all'
      );
    });

    it('names sysparm_display_value=true as the cause when a number column holds a label, as such a dump with plain strings has it', () => {
      // given: with sysparm_exclude_reference_link=true as well, display values come as plain strings: the choice
      // column's labels (ServiceNowDocs platform-administration/t_ViewChoiceListDefinitions.md: "Dropdown without
      // -- None -- (must specify a default value)"), while a word that is no such label gets no such advice
      const parts = taskAndIncident();
      parts.columns[7]!['choice'] = 'Dropdown without -- None -- (must specify a default value)';
      parts.columns[8]!['choice'] = 'Dropdown with --- None ---';
      parts.columns[1]!['max_length'] = 'long';

      // when
      const error = loadError(parts);

      // then
      const advice = 'a display value: the dump was made with sysparm_display_value=true; read it again with sysparm_display_value=false (the default) or all';
      expect(error.details).toEqual(expect.arrayContaining([
        `sys_dictionary.json record 8 (incident.category): choice must be a whole number, got "Dropdown without -- None -- (must specify a default value)", ${advice}`,
        `sys_dictionary.json record 9 (incident.subcategory): choice must be a whole number, got "Dropdown with --- None ---", ${advice}`,
        'sys_dictionary.json record 2 (task.short_description): max_length must be a whole number, got "long"'
      ]));
    });
  });

  describe('manifest', () => {
    it('keeps tables outside the manifest (and their super classes) as reference targets only', () => {
      // given
      const parts: SnapshotParts = {
        ...taskAndIncident(),
        manifest: { format: 1, origin: 'instance', source: 'https://dev1.service-now.com', tables: ['incident'], records: { sys_db_object: 4, sys_dictionary: 9 } }
      };

      // when
      const metadata = load(parts);

      // then
      expect([...metadata.tables.keys()]).toEqual(['incident', 'task']);
      expect([...metadata.referenceTargets!.values()]).toEqual([{ name: 'sys_user', label: 'User' }, { name: 'sys_user_group', label: 'Group' }]);
      expect(metadata).toMatchObject({ origin: 'instance', source: 'https://dev1.service-now.com, at snap' });
    });
  });

  describe('overlay product facts', () => {
    const overlay: Overlay = {
      format: 1,
      tables: {
        task: { abstract: { value: true, source: 'doc' }, primaryFields: { fields: ['short_description', 'state'], source: 'doc' } },
        incident: {
          primaryFields: { fields: ['caller_id', 'category', 'short_description'], source: 'doc' },
          fields: {
            caller_id: { mandatory: { value: true, source: 'doc', verify: 'UI policy only' } },
            priority: { notWritable: { reason: 'derived from impact and urgency', source: 'doc' } }
          }
        },
        change_request: { primaryFields: { fields: ['type'], source: 'doc' } }
      }
    };

    it('applies primary fields, abstract, mandatory and not-writable facts, inherited down the hierarchy', () => {
      // given
      const parts = taskAndIncident();
      parts.tables.push(table('problem', 'task'));

      // when
      const metadata = load(parts, overlay);

      // then
      expect(metadata.tables.get('task')).toMatchObject({ abstract: true, primaryFields: ['short_description', 'state'] });
      expect(metadata.tables.get('incident')).toMatchObject({ abstract: false, primaryFields: ['caller_id', 'category', 'short_description'] });
      expect(metadata.tables.get('problem')?.primaryFields).toEqual(['short_description', 'state']);
      expect(field(metadata, 'incident', 'caller_id')?.mandatory).toBe(true);
      expect(field(metadata, 'incident', 'priority')).toMatchObject({ writable: false, notWritableReason: 'derived from impact and urgency' });
      expect(field(metadata, 'task', 'priority')?.writable).toBe(true);
      expect(metadata.tables.get('incident')?.unverified).toEqual(['caller_id mandatory (incident): UI policy only']);
    });

    it('leaves out primary fields the table lacks, with a warning', () => {
      // given
      const withUnknown: Overlay = { format: 1, tables: { incident: { primaryFields: { fields: ['caller_id', 'u_nope'], source: 'doc' } } } };

      // when
      const metadata = load(taskAndIncident(), withUnknown);

      // then
      expect(metadata.tables.get('incident')?.primaryFields).toEqual(['caller_id']);
      expect(metadata.warnings.map((w) => w.message)).toEqual(['"u_nope" is not a field of incident; left out']);
    });

    it('rejects an overlay entry without a source', () => {
      // given
      const text = JSON.stringify({ format: 1, tables: { incident: { fields: { state: { mandatory: { value: true } } } } } });

      // when
      let error: unknown;
      try {
        loadSnapshot(snapshotFiles(taskAndIncident()), { overlay: { path: 'overlay.json', text } });
      } catch (caught) {
        error = caught;
      }

      // then
      expect(isUserError(error)).toBe(true);
      expect((error as UserError).details).toEqual([
        'overlay.json incident.state mandatory: needs a "source": the ServiceNow documentation page or public repository path it comes from'
      ]);
    });
  });

  describe('bad snapshots', () => {
    const cases: { name: string; change: (parts: ReturnType<typeof taskAndIncident>) => void; detail: string }[] = [
      {
        name: 'a dictionary record without name',
        change: (p) => p.columns.push({ element: 'u_x', internal_type: 'string', sys_id: 'd1' }),
        detail: 'sys_dictionary.json record 10 (u_x, sys_id d1): missing name'
      },
      {
        name: 'a dictionary record without element',
        change: (p) => p.columns.push({ name: 'incident', internal_type: 'string', sys_id: 'd2' }),
        detail: 'sys_dictionary.json record 10 (incident, sys_id d2): missing element (the column name)'
      },
      {
        name: 'a dictionary record without internal_type',
        change: (p) => p.columns.push({ name: 'incident', element: 'u_x' }),
        detail: 'sys_dictionary.json record 10 (incident.u_x): missing internal_type'
      },
      {
        name: 'an internal_type that is not a type name',
        change: (p) => p.columns.push(column('incident', 'u_x', 'string field')),
        detail: 'sys_dictionary.json record 10 (incident.u_x): internal_type "string field" is not a type name (expected e.g. string, reference, integer)'
      },
      {
        name: 'a table record without name',
        change: (p) => p.tables.push({ label: 'Nameless', sys_id: 't9' }),
        detail: 'sys_db_object.json record 5 (sys_id t9): missing name'
      },
      {
        name: 'a super class given as a sys_id without the super_class.name dot-walk',
        change: (p) => p.tables.push({ name: 'incident_task', super_class: '8c9e2d3fdb5b1010' }),
        detail: 'sys_db_object.json record 5 (incident_task): has super_class (a sys_id) but no super_class.name; fetch with sysparm_fields=...,super_class.name'
      },
      {
        name: 'a super class that is not in the snapshot',
        change: (p) => p.tables.push(table('incident_task', 'missing_parent')),
        detail: 'sys_db_object.json record 5 (incident_task): super class "missing_parent" is not in the snapshot; add its sys_db_object record (walk super_class.name up to the root)'
      },
      {
        name: 'a reference table that is not in the snapshot',
        change: (p) => p.columns.push(column('incident', 'problem_id', 'reference', { reference: 'problem' })),
        detail: 'sys_dictionary.json record 10 (incident.problem_id): reference table "problem" is not in the snapshot; add its sys_db_object record'
      },
      {
        name: 'a reference column without a reference table',
        change: (p) => p.columns.push(column('incident', 'problem_id', 'reference')),
        detail: 'sys_dictionary.json record 10 (incident.problem_id): reference column without a reference table; set its reference'
      },
      {
        name: 'a choice for a field that does not exist',
        change: (p) => p.choices.push(choice('incident', 'u_missing', '1', 'One')),
        detail: 'sys_choice.json record 1 (incident.u_missing.1): choice for field incident.u_missing, which does not exist on incident or its super classes'
      },
      {
        name: 'a choice for a table that is not in the snapshot',
        change: (p) => p.choices.push(choice('problem', 'state', '101', 'New')),
        detail: 'sys_choice.json record 1 (problem.state.101): table "problem" is not in the snapshot; add its sys_db_object record or drop the choice'
      },
      {
        name: 'a cycle in the hierarchy',
        change: (p) => {
          p.tables[0] = table('task', 'incident');
        },
        detail: 'sys_db_object.json record 2 (incident): cycle in the table hierarchy: task → incident → task; fix super_class.name'
      },
      {
        name: 'a duplicate column',
        change: (p) => p.columns.push(column('incident', 'caller_id', 'reference', { reference: 'sys_user' })),
        detail: 'sys_dictionary.json record 10 (incident.caller_id): duplicate column incident.caller_id (also record 7 (incident.caller_id))'
      },
      {
        name: 'an override of a column the table does not inherit',
        change: (p) => p.overrides.push({ name: 'incident', element: 'caller_id', mandatory_override: 'true', mandatory: 'true' }),
        detail: 'sys_dictionary_override.json record 1 (incident.caller_id): overrides incident.caller_id, which is defined on incident itself; overrides apply to inherited columns only'
      },
      {
        name: 'a boolean that is not "true" or "false"',
        change: (p) => p.columns.push(column('incident', 'u_flag', 'boolean', { mandatory: 'yes' })),
        detail: 'sys_dictionary.json record 10 (incident.u_flag): mandatory must be "true" or "false", got "yes"'
      },
      {
        name: 'a max_length that is not a number',
        change: (p) => p.columns.push(column('incident', 'u_text', 'string', { max_length: 'long' })),
        detail: 'sys_dictionary.json record 10 (incident.u_text): max_length must be a whole number, got "long"'
      }
    ];

    it.each(cases)('rejects $name, naming file, record and problem', ({ change, detail }) => {
      // given
      const parts = taskAndIncident();
      change(parts);

      // when
      const error = loadError(parts);

      // then
      expect(error.message).toMatch(/^The metadata snapshot snap is invalid \(1 problem\); fix the records below or fetch the snapshot again\.$/);
      expect(error.details).toEqual([detail]);
    });

    it('lists every broken record in one error and returns nothing partial', () => {
      // given: three independent problems
      const parts = taskAndIncident();
      cases[0]!.change(parts);
      parts.choices.push(choice('incident', 'u_missing', '1', 'One'));
      parts.tables.push(table('incident_task', 'missing_parent'));

      // when
      const error = loadError(parts);

      // then
      expect(error.message).toContain('(3 problems)');
      expect(error.details).toHaveLength(3);
      expect(error.details.join('\n')).toMatch(/sys_dictionary\.json.*missing name[\s\S]*super class "missing_parent"|super class "missing_parent"[\s\S]*missing name/);
      expect(error.details.some((line) => line.startsWith('sys_choice.json'))).toBe(true);
    });

    it.each([
      ['not JSON', '{"result": [', /^sys_dictionary\.json: not valid JSON \(.+\); expected a Table API response \{"result":\[\.\.\.\]\}$/],
      ['not a Table API response', '[{"name":"task"}]', /^sys_dictionary\.json: expected a Table API response \{"result":\[\.\.\.\]\} \(the body of GET \/api\/now\/table\/<table>\)$/],
      ['a record that is not an object', '{"result":["task"]}', /^sys_dictionary\.json record 1: is not a JSON object$/]
    ])('rejects a file that is %s', (_name, text, detail) => {
      // given
      const files = snapshotFiles(taskAndIncident()).map((file) => (file.path.endsWith('sys_dictionary.json') ? { ...file, text } : file));

      // when
      let error: unknown;
      try {
        loadSnapshot(files);
      } catch (caught) {
        error = caught;
      }

      // then
      expect(isUserError(error)).toBe(true);
      expect((error as UserError).details).toHaveLength(1);
      expect((error as UserError).details[0]).toMatch(detail);
    });

    it('rejects a snapshot whose record counts disagree with its manifest', () => {
      // given
      const parts: SnapshotParts = { ...taskAndIncident(), manifest: { format: 1, origin: 'instance', source: 'x', tables: ['incident'], records: { sys_dictionary: 10 } } };

      // when / then
      expect(loadError(parts).details).toEqual([
        'manifest.json: records.sys_dictionary is 10 but sys_dictionary.json holds 9: the snapshot is incomplete, fetch or import it again'
      ]);
    });

    it('rejects a snapshot without sys_dictionary.json', () => {
      // given
      const files = snapshotFiles(taskAndIncident()).filter((file) => !file.path.endsWith('sys_dictionary.json'));

      // when / then
      expect(() => loadSnapshot(files)).toThrow(UserError);
    });
  });

  describe('determinism', () => {
    it('resolves the same model whatever the order of the records', () => {
      const parts = taskAndIncident();
      parts.choices.push(choice('task', 'state', '1', 'Open', { sequence: '1' }), choice('task', 'state', '2', 'Work in Progress', { sequence: '2' }));
      const expected = load(parts);
      fc.assert(
        fc.property(fc.shuffledSubarray(parts.tables, { minLength: 4, maxLength: 4 }), fc.shuffledSubarray(parts.columns, { minLength: 9, maxLength: 9 }), (tables, columns) => {
          // when
          const shuffled = load({ ...parts, tables, columns });
          // then
          expect(JSON.stringify([...shuffled.tables.values()])).toBe(JSON.stringify([...expected.tables.values()]));
        })
      );
    });

    it('gives the same tables and warnings whatever is read first, each table built once', () => {
      // given: resolution warnings on three tables of a hierarchy (a dependency the table lacks)
      const files = syntheticSnapshotFiles({ tables: 12, rows: 300 }).map((file) => {
        if (!file.path.endsWith('sys_dictionary.json')) return file;
        const body = JSON.parse(file.text) as { result: Record<string, string>[] };
        for (const row of [40, 140, 260]) body.result[row]!['dependent_on_field'] = 'u_missing';
        return { ...file, text: JSON.stringify(body) };
      });
      const eager = loadSnapshot(files);
      const expectedWarnings = eager.warnings;
      const expectedTables = JSON.stringify([...eager.tables]);
      expect(expectedWarnings.filter((warning) => warning.message.includes('"u_missing"'))).toHaveLength(3);

      fc.assert(
        fc.property(fc.shuffledSubarray([...eager.tables.keys()]), (readFirst) => {
          // when
          const metadata = loadSnapshot(files);
          const firstReads = readFirst.map((name) => metadata.tables.get(name));

          // then
          expect(metadata.warnings).toEqual(expectedWarnings);
          expect(JSON.stringify([...metadata.tables])).toBe(expectedTables);
          readFirst.forEach((name, index) => expect(metadata.tables.get(name)).toBe(firstReads[index]));
          expect([...metadata.tables.values()]).toEqual([...metadata.tables.keys()].map((name) => metadata.tables.get(name)));
        }),
        { numRuns: 30 }
      );
    });

    it('knows its tables by name without building them, and nothing else', () => {
      // given
      const metadata = load(taskAndIncident());

      // then
      expect([...metadata.tables.keys()]).toEqual(['incident', 'task']);
      expect(metadata.tables.size).toBe(2);
      expect(metadata.tables.has('incident')).toBe(true);
      expect(metadata.tables.has('sys_user')).toBe(false);
      expect(metadata.tables.get('sys_user')).toBeUndefined();
      expect(new Map(metadata.tables).get('incident')).toBe(metadata.tables.get('incident'));
    });
  });
});

describe('core/metadata - loadSnapshot on arbitrary input', () => {
  const value = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('task', 'incident', 'reference', 'string', 'true', 'false', '', '12'), fc.integer(), fc.boolean(), fc.constant(null), fc.object({ maxDepth: 1 }));
  const record = fc.dictionary(fc.constantFrom('name', 'element', 'internal_type', 'reference', 'super_class.name', 'value', 'mandatory', 'max_length', 'choice', 'sys_id', 'mandatory_override'), value);

  it('either loads or throws a UserError, never anything else', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 6 }), fc.array(record, { maxLength: 8 }), fc.array(record, { maxLength: 4 }), fc.array(record, { maxLength: 4 }), (tables, columns, overrides, choices) => {
        // when
        try {
          const metadata = loadSnapshot(snapshotFiles({ tables: tables as never, columns: columns as never, overrides: overrides as never, choices: choices as never }));
          // then: a returned model is whole: every field's reference is a known table
          for (const resolved of metadata.tables.values()) {
            for (const f of resolved.fields) if (f.reference) expect(metadata.tables.has(f.reference) || metadata.referenceTargets?.has(f.reference)).toBe(true);
          }
        } catch (error) {
          // then: only user errors, each with at least one detail line
          expect(isUserError(error)).toBe(true);
          expect((error as UserError).details.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 }
    );
  });
});
