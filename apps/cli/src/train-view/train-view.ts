import type { TrainEvent } from '@s4nn/train';

/** Shows a training run's events: a terminal table with progress bars, or JSON lines. */
export interface TrainView {
  show(event: TrainEvent): void;
  /** The run stopped before its end (SIGINT): close bars, leave the terminal tidy. */
  stop(): void;
  /** One line more after the run (e.g. where its report went), where this view writes for people. */
  message(line: string): void;
}
