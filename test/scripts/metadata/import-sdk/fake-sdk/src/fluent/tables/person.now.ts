import { Table, StringColumn } from '../../db'

export const person = Table({
    name: 'person',
    label: 'Person',
    schema: { name: StringColumn({ label: 'Name' }) },
})
