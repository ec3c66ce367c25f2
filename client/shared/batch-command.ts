/**
 * `servicenow.batch`: runs a function that executes several commands as one
 * command, so that one undo reverts all of them (the nested commands of a
 * preExecute belong to the outer command's undo unit in diagram-js).
 */
import type { Service } from '../types/bpmn-js';
export const BATCH_COMMAND = 'servicenow.batch';

export interface BatchContext {
  run(): void;
}

export class BatchCommandHandler {
  preExecute(context: BatchContext): void {
    context.run();
  }
  execute(): unknown[] {
    return [];
  }
  revert(): unknown[] {
    return [];
  }
}

export function registerBatchCommand(commandStack: Service): void {
  commandStack.registerHandler(BATCH_COMMAND, BatchCommandHandler);
}

/** Executes `run` as one undoable step. */
export function inOneStep(commandStack: Service, run: () => void): void {
  commandStack.execute(BATCH_COMMAND, { run } satisfies BatchContext);
}
