export { parseStack, type StackSource } from './stack.parse';
export { ComposeError, type ComposeProblem } from './compose.errors';
export type * from './stack-plan.types';
