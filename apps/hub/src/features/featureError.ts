import { domainError, type ErrorReply } from '@motcua/core';
import { errorReply } from '../engine.js';

/** A feature's refusal on a socket event, in the shape every reply of the hub has. */
export function featureError(code: ErrorReply['code'], details?: ErrorReply['details']): ErrorReply {
  return errorReply(domainError(code, details));
}
