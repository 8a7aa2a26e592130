// Slack's Socket Mode endpoint, as far as Bolt's client uses it: the URL handed out by
// apps.connections.open accepts a websocket, greets with `hello`, pushes envelopes and expects an ack
// ({ envelope_id, payload }) for each.

import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export class FakeSocketMode {
  readonly acks: SocketAck[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly waiting = new Map<string, (ack: SocketAck) => void>();
  private readonly connectedWaiters: (() => void)[] = [];
  private client: WebSocket | undefined;

  attach(server: Server): void {
    server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/socket')) return socket.destroy();
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws));
    });
  }

  get connected(): boolean {
    return this.client !== undefined;
  }

  /** resolves once a client has connected and been greeted */
  waitForConnection(): Promise<void> {
    if (this.client) return Promise.resolve();
    return new Promise((resolve) => this.connectedWaiters.push(resolve));
  }

  /** Push one envelope (type 'slash_commands' | 'interactive' | 'events_api') and wait for its ack. */
  send(type: string, payload: Record<string, unknown>, timeoutMs = 5000): Promise<SocketAck> {
    const client = this.client;
    if (!client) return Promise.reject(new Error('no socket-mode client connected'));
    const envelopeId = randomUUID();
    return new Promise<SocketAck>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(envelopeId);
        reject(new Error(`no ack for ${type} envelope within ${timeoutMs}ms`));
      }, timeoutMs);
      this.waiting.set(envelopeId, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
      client.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: type !== 'events_api',
        }),
      );
    });
  }

  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(ws: WebSocket): void {
    this.client = ws;
    ws.on('message', (data) => {
      const ack = JSON.parse(String(data)) as SocketAck;
      this.acks.push(ack);
      this.waiting.get(ack.envelope_id)?.(ack);
      this.waiting.delete(ack.envelope_id);
    });
    ws.on('close', () => {
      if (this.client === ws) this.client = undefined;
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
    for (const resolve of this.connectedWaiters.splice(0)) resolve();
  }
}
