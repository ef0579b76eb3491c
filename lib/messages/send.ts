import { browser } from 'wxt/browser';
import type { Message, ReplyTo, Result } from './contract';
import type { ContentReplies, ContentRequest } from './content';

function unwrap<T>(result: Result<T> | undefined, type: string): T {
  if (!result) throw new Error(`no reply to ${type}`);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** Sends a typed message to the background and unwraps its Result. */
export async function sendToBackground<M extends Message>(message: M): Promise<ReplyTo<M>> {
  return unwrap((await browser.runtime.sendMessage(message)) as Result<ReplyTo<M>> | undefined, message.type);
}

/** Sends a typed request to the content script of a tab (top frame) and unwraps its Result. */
export async function sendToTab<M extends ContentRequest>(tabId: number, message: M): Promise<ContentReplies[M['type']]> {
  const result = (await browser.tabs.sendMessage(tabId, message, { frameId: 0 })) as Result<ContentReplies[M['type']]> | undefined;
  return unwrap(result, message.type);
}
