/**
 * The ready-made waits: a table and the encoded query its record must
 * match. Choice values are the stored ones of the bundled metadata
 * (sys_choice: sc_req_item.approval, change_request.state -1 "Implement",
 * incident.state 6 "Resolved" and 7 "Closed", sysapproval_approver.state
 * approved and rejected).
 */
export interface WaitExample {
  table: string;
  /** Encoded query the record must match (ANDed with its sys_id). */
  condition: string;
  /** What the wait is for, in the template name: "ServiceNow: Wait for Requested Item approved". */
  until: string;
}

export const WAIT_EXAMPLES: WaitExample[] = [
  { table: 'sc_req_item', condition: 'approval=approved', until: 'approved' },
  { table: 'change_request', condition: 'state=-1', until: 'in Implement' },
  { table: 'incident', condition: 'stateIN6,7', until: 'resolved or closed' },
  // Either decision ends the wait: a rejection must not leave the process waiting forever.
  { table: 'sysapproval_approver', condition: 'stateINapproved,rejected', until: 'approved or rejected' }
];
