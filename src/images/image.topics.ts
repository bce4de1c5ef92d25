import type { ImageOperationStatus } from './image-operation.entity';

export const ImageTopic = {
  Progress: 'IMAGE_OPERATION_PROGRESS',
} as const;

/** One progress message of an image operation; the last one has `done: true` and the final status. */
export interface ImageProgressPayload {
  operationId: string;
  status: ImageOperationStatus;
  message: string | null;
  layer: string | null;
  current: number | null;
  total: number | null;
  done: boolean;
  error: string | null;
  errorCode: string | null;
  at: Date;
}

export type ImageTopics = {
  [ImageTopic.Progress]: [operationId: string, payload: ImageProgressPayload];
};
