/**
 * `servicenow/payload-fields`: the keys of a payload written as a FEEL
 * context (Camunda's official ServiceNow templates, the any-table template)
 * are columns of the table, and literal values of choice columns are
 * choices. ServiceNow ignores unknown keys and still answers 201.
 */
import { inputRule } from '../../input-checks/input-rule';

export default inputRule('payload');
