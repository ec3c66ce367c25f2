import { BusinessRule, Record } from '@servicenow/sdk/core'

BusinessRule({
    $id: Now.ID['acme_case_br'],
    name: 'Stamp review date',
    table: 'x_acme_case',
    when: 'before',
    action: ['update'],
    script: "current.reviewed_on = new GlideDateTime();",
})

Record({
    $id: Now.ID['acme_demo_case'],
    table: 'x_acme_case',
    data: { summary: 'A demo case', severity: 'high' },
})

// A choice for a table no source defines: reported, since nothing can use it.
Record({
    $id: Now.ID['acme_gone_choice'],
    table: 'sys_choice',
    data: { name: 'x_acme_gone', element: 'state', value: '1', label: 'Gone' },
})
