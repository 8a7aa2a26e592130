// How a handler answers one interaction. Over the gateway the first answer is a REST callback; over
// the HTTP interactions endpoint it is the body of the HTTP response. Everything after the first
// answer (edits of the original, follow-ups) goes through the interaction's webhook either way.
import { Routes, type REST } from 'discord.js';
import type { DiscordMessage, OutFile } from '../render/message.js';

export const CallbackType = {
  Pong: 1,
  Message: 4,
  DeferredMessage: 5,
  DeferredUpdate: 6,
  UpdateMessage: 7,
  Autocomplete: 8,
  Modal: 9,
} as const;
export type CallbackType = (typeof CallbackType)[keyof typeof CallbackType];

export interface InteractionResponse {
  type: CallbackType;
  data?: unknown;
}

export interface Responder {
  /** the one initial response; within 3 seconds of the interaction */
  respond(response: InteractionResponse, files?: OutFile[]): Promise<void>;
  editOriginal(message: DiscordMessage, files?: OutFile[]): Promise<void>;
  deleteOriginal(): Promise<void>;
  followUp(message: DiscordMessage, files?: OutFile[]): Promise<void>;
}

function restFiles(files?: OutFile[]) {
  return files && files.length > 0
    ? { files: files.map((f) => ({ name: f.name, data: f.data, contentType: f.contentType })) }
    : {};
}

/** webhook calls shared by both modes; interaction webhooks are authorised by their token, not the bot's */
export abstract class WebhookResponder implements Responder {
  constructor(
    protected readonly rest: REST,
    protected readonly applicationId: string,
    protected readonly interaction: { id: string; token: string },
  ) {}

  abstract respond(response: InteractionResponse, files?: OutFile[]): Promise<void>;

  async editOriginal(message: DiscordMessage, files?: OutFile[]): Promise<void> {
    await this.rest.patch(Routes.webhookMessage(this.applicationId, this.interaction.token, '@original'), {
      body: message,
      auth: false,
      ...restFiles(files),
    });
  }

  async deleteOriginal(): Promise<void> {
    await this.rest.delete(Routes.webhookMessage(this.applicationId, this.interaction.token, '@original'), {
      auth: false,
    });
  }

  async followUp(message: DiscordMessage, files?: OutFile[]): Promise<void> {
    await this.rest.post(Routes.webhook(this.applicationId, this.interaction.token), {
      body: message,
      auth: false,
      ...restFiles(files),
    });
  }
}

export class RestResponder extends WebhookResponder {
  async respond(response: InteractionResponse, files?: OutFile[]): Promise<void> {
    await this.rest.post(Routes.interactionCallback(this.interaction.id, this.interaction.token), {
      body: response,
      auth: false,
      ...restFiles(files),
    });
  }
}
