import { Table, StringColumn as Text, ChoiceColumn, Record } from '@servicenow/sdk/core'
import * as sdk from '@servicenow/sdk/core'
import { severityChoices, reviewColumns } from './shared.now'

const SCOPE = 'x_acme'

const summary = Text({ label: 'Summary', maxLength: 200, mandatory: true })

export const x_acme_case = Table({
    $id: Now.ID['acme_case_table'],
    name: `${SCOPE}_case`,
    extends: 'task',
    label: [
        { label: 'Étude de cas', language: 'fr' },
        { label: 'Case', language: 'en', plural: 'Cases' },
    ],
    display: 'summary',
    schema: {
        summary,
        severity: ChoiceColumn({ label: 'Severity', dropdown: 'dropdown_with_none', choices: severityChoices }),
        channel: Text({ label: 'Channel', choices: { email: 'Email', phone: 'Phone' }, default: 'email' }),
        parent_case: sdk.ReferenceColumn({ label: 'Parent case', referenceTable: `${SCOPE}_case`, reference_key: 'number' }),
        code: Text({ label: 'Code', maxLength: Math.max(10, 20) }),
        ...reviewColumns,
    },
})

// The child table's own labels for the inherited state: sys_choice records on x_acme_case.
Record({
    $id: Now.ID['acme_case_state_1'],
    table: 'sys_choice',
    data: { name: 'x_acme_case', element: 'state', value: '1', label: 'New', sequence: 100, inactive: false, language: 'en' },
})
Record({
    $id: Now.ID['acme_case_state_1_fr'],
    table: 'sys_choice',
    data: { name: 'x_acme_case', element: 'state', value: '1', label: 'Nouveau', sequence: 100, language: 'fr' },
})
Record({
    $id: Now.ID['acme_case_state_18'],
    table: 'sys_choice',
    data: { name: 'x_acme_case', element: 'state', value: 18, label: 'Awaiting customer', sequence: 150 },
})
Record({
    $id: Now.ID['acme_case_hours'],
    table: 'sys_dictionary',
    data: { name: 'x_acme_case', element: 'hours', column_label: 'Hours', internal_type: 'integer', mandatory: true, default_value: 0 },
})
