// ServiceNow/sdk-examples@626cd89b9df8386d518361ae2647f46abd356360 table-sample/src/fluent/table-custom-column.now.ts (MIT, Copyright (c) 2024 ServiceNow), unchanged below this line
import { StringColumn, Table } from '@servicenow/sdk/core'

export const incident = Table({
    name: 'incident' as any,
    schema: {
        x_tablesample_custom_column: StringColumn({
            label: 'Custom Column',
            maxLength: 40,
        }),
    },
})
