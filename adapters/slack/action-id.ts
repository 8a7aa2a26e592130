// Slack's side of the shared component-id codec (adapters/shared/component-id.ts): Slack caps action_id
// (and callback_id) at 255 characters, so an id that would be cut is a bug caught here.
import { type ComponentId, decodeComponentId, encodeComponentId } from '../shared/index.js';

const MAX_ID = 255;

export type EncodedAction = ComponentId;

export function encodeActionId(command: string, args: Record<string, string>): string {
  const id = encodeComponentId(command, args);
  if (id.length > MAX_ID) throw new Error(`action id for ${command} exceeds ${MAX_ID} characters`);
  return id;
}

export function decodeActionId(id: string): EncodedAction {
  return decodeComponentId(id);
}
