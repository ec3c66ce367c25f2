import { SysIdVariables } from './SysIdVariables';

export default {
  serviceNowSysIdVariables: ['type', SysIdVariables]
};
