import { browser } from 'wxt/browser';
import type { Message, ReplyTo, Result } from './contract';

/** Sends a typed message to the background and unwraps its Result. */
export async function sendToBackground<M extends Message>(message: M): Promise<ReplyTo<M>> {
  const result = (await browser.runtime.sendMessage(message)) as Result<ReplyTo<M>> | undefined;
  if (!result) throw new Error(`no reply to ${message.type}`);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}
