/**
 * `servicenow/valid-query`: the encoded query of a ServiceNow task has no
 * error. ServiceNow silently drops invalid conditions (unknown field, bad
 * operator), so an error here means the task reads more records than meant.
 */
import { queryRule } from './helper';

export default queryRule('error');
