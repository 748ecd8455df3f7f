/**
 * The operations every engine implements, by name (in the manner of tfjs's `kernel_names.ts`):
 * shared by engines, callers and error messages (`forward: argument 'input' ...`).
 */
export const Forward = 'forward';
export const ForwardEarlyExit = 'forwardEarlyExit';
export const Decide = 'decide';
export const TrainStep = 'trainStep';
export const ForwardBatch = 'forwardBatch';
export const Evaluate = 'evaluate';

export type KernelName =
  | typeof Forward
  | typeof ForwardEarlyExit
  | typeof Decide
  | typeof TrainStep
  | typeof ForwardBatch
  | typeof Evaluate;
