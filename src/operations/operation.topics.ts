import type { OperationStatus } from './operation.entity';

export const OperationTopic = {
  Progress: 'OPERATION_PROGRESS',
} as const;

/** One step of an operation's progress as its task reports it. `part` is what the line is about (a layer, a service). */
export interface OperationProgress {
  message: string;
  part?: string | null;
  current?: number | null;
  total?: number | null;
}

/** One progress message of an operation; the last one has `done: true` and the final status. */
export interface OperationProgressMessage {
  operationId: string;
  status: OperationStatus;
  message: string | null;
  part: string | null;
  current: number | null;
  total: number | null;
  done: boolean;
  error: string | null;
  errorCode: string | null;
  at: Date;
}

export type OperationTopics = {
  [OperationTopic.Progress]: [operationId: string, payload: OperationProgressMessage];
};
