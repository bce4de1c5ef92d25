export type ImageTopics = Record<never, never>;
