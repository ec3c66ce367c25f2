/**
 * Texts by which an instance's own answers are known: the templates' error
 * expressions look for them at runtime and the command line's HTTP client
 * when it reads metadata, so both name the same answer alike.
 */

/**
 * The title of the page a hibernating personal developer instance serves,
 * with HTTP 200, for every path (demisto/content ServiceNowv2.py
 * `send_request`, Itential's ServiceNow adapter `isHibernating`).
 */
export const HIBERNATING_PAGE_TITLE = 'Instance Hibernating page';

/**
 * How ServiceNow's message begins when a transaction quota cancels a request
 * that already ran: a 200 with the records so far, then `"error": {...},
 * "status": "failure"`, often as broken JSON (ServiceNow KB1297438;
 * ServiceNow/PySNC record.py `GlideRecord.query`,
 * StackVista/stackstate-agent-integrations servicenow.py `_get_json`).
 */
export const CANCELLED_TRANSACTION = 'Transaction cancelled';

export function isHibernatingPage(body: string): boolean {
  return body.includes(HIBERNATING_PAGE_TITLE);
}
