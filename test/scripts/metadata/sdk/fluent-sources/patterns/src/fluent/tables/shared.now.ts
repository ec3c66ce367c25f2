import { DateTimeColumn, ReferenceColumn } from '@servicenow/sdk/core'

export const severityChoices = {
    low: { label: 'Low', sequence: 30 },
    high: { label: 'High', sequence: 10 },
    medium: { label: 'Medium', sequence: 20, inactive: true },
} as const

export const reviewColumns = {
    reviewed_by: ReferenceColumn({ label: 'Reviewed by', referenceTable: 'sys_user' }),
    reviewed_on: DateTimeColumn({ label: 'Reviewed on' }),
}
