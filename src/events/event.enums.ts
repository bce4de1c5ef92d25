import { registerEnumType } from 'type-graphql';

export enum EventSeverity {
  INFO = 'INFO',
  WARNING = 'WARNING',
  ERROR = 'ERROR',
}
registerEnumType(EventSeverity, { name: 'EventSeverity' });
