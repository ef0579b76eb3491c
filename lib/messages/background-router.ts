import { Message, type Replies } from './contract';
import { createRouterFor, type Handlers } from './router';

/** The background's router for the main contract (zod-checked; the background may carry the schema library). */
export function createRouter(ownId: string, handlers: Handlers<Message, Replies>) {
  return createRouterFor<Message, Replies>(Message, ownId, handlers);
}
