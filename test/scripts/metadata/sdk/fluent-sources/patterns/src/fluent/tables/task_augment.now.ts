import { BooleanColumn, Table } from '@servicenow/sdk/core'

export const task_extra = Table({
    augments: 'task',
    schema: {
        x_acme_flagged: BooleanColumn({ label: 'Flagged', default: false }),
    },
})
