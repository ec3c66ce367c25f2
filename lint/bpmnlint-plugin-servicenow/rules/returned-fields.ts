/**
 * `servicenow/returned-fields`: each column a reading task asks for
 * (`sysparm_fields`, dot-walks included) exists. ServiceNow leaves an
 * unknown column out of the response without a word.
 */
import { inputRule } from '../../input-checks/input-rule';

export default inputRule('fields');
