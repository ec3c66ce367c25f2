/**
 * `servicenow/query-warnings`: findings in a ServiceNow task's encoded query
 * that work but likely do not do what was meant (inactive choice values,
 * operator spellings ServiceNow sources disagree about...).
 */
import { queryRule } from './helper';

export default queryRule('warning');
