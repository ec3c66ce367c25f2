import { Table, StringColumn, IntegerColumn, GenericColumn, ReferenceColumn, ChoiceColumn, OverrideColumn } from '../../db'

export const base_ticket = Table({
    name: 'base_ticket',
    label: [{ label: 'Base ticket', language: 'en' }, { label: 'Ticket de base', language: 'fr' }],
    schema: {
        title: StringColumn({ label: 'Title', maxLength: 160, mandatory: true }),
        status: IntegerColumn({ label: 'Status', default: '1', dropdown: 'dropdown_without_none' }),
        owner: ReferenceColumn({ label: 'Owner', referenceTable: 'person' }),
        notes: GenericColumn({ columnType: 'journal_input', label: 'Notes', maxLength: 4000 }),
        legacy: GenericColumn({ column_type: 'string', label: 'Legacy', read_only: true }),
        both: GenericColumn({ columnType: 'journal_list', dependent: 'notes,title', label: 'Both' }),
        retired: StringColumn({ label: 'Retired', active: false }),
    },
})

export const ticket = Table({
    name: 'ticket',
    extends: 'base_ticket',
    label: 'Ticket',
    schema: {
        kind: ChoiceColumn({
            label: 'Kind',
            dropdown: 'dropdown_with_none',
            choices: {
                bug: { label: 'Bug', sequence: 2 },
                idea: 'Idea',
                task: [{ label: 'Task', sequence: 1 }, { label: 'Tâche', language: 'fr' }],
            },
        }),
        sub_kind: StringColumn({ label: 'Sub kind', dependent: 'kind', readOnlyOption: 'display_read_only' }),
        status_copy: IntegerColumn({ label: 'Status copy', dynamicValueDefinitions: { type: 'choices_from_other_table', table: 'ticket', field: 'status' } }),
        score: IntegerColumn({ label: 'Score', dynamicValueDefinitions: { type: 'calculated_value', calculatedValue: 'x' } }),
        title: OverrideColumn({ baseTable: 'base_ticket', mandatory: false, default: 'Untitled' }),
        computed: StringColumn({ label: 'Computed', maxLength: 10 * 4 }),
    },
})
