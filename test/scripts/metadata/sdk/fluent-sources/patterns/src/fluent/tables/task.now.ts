import { IntegerColumn, StringColumn, Table } from '@servicenow/sdk/core'

export const task = Table({
    name: 'task',
    label: 'Task',
    extensible: true,
    schema: {
        number: StringColumn({ label: 'Number', maxLength: 40, readOnly: true }),
        short_description: StringColumn({ label: 'Short description', maxLength: 160 }),
        state: IntegerColumn({
            label: 'State',
            default: '1',
            dropdown: 'dropdown_without_none',
            choices: { '1': { label: 'Open', sequence: 1 }, '3': { label: 'Closed', sequence: 3 } },
        }),
    },
})
