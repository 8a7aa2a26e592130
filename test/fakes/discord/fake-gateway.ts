// The gateway half of the fake: HELLO, IDENTIFY -> READY, RESUME -> RESUMED, heartbeats and their
// ACKs, and INTERACTION_CREATE dispatches pushed by tests. JSON encoding, no compression (discord.js
// only asks for zlib-stream when the optional zlib-sync package is installed).
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { FakeDiscord } from './fake-discord.js';
import { snowflake } from './snowflake.js';

interface Session {
  socket: WebSocket;
  seq: number;
  identified: boolean;
  sessionId: string;
}

export class FakeGateway {
  private wss?: WebSocketServer;
  private readonly sessions = new Set<Session>();
  heartbeats = 0;
  identifies: any[] = [];
  /** resolves when a client has identified */
  private readyWaiters: (() => void)[] = [];

  constructor(private readonly discord: FakeDiscord) {}

  attach(server: Server): void {
    this.wss = new WebSocketServer({ server, path: '/gateway' });
    this.wss.on('connection', (socket) => this.onConnection(socket));
  }

  close(): void {
    for (const s of this.sessions) s.socket.terminate();
    this.sessions.clear();
    this.wss?.close();
  }

  get connected(): number {
    return [...this.sessions].filter((s) => s.identified).length;
  }

  waitForReady(): Promise<void> {
    if (this.connected > 0) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** push a dispatch to every identified session */
  dispatch(event: string, data: unknown): void {
    for (const s of this.sessions) {
      if (!s.identified) continue;
      s.seq++;
      s.socket.send(JSON.stringify({ op: 0, t: event, s: s.seq, d: data }));
    }
  }

  private onConnection(socket: WebSocket): void {
    const session: Session = { socket, seq: 0, identified: false, sessionId: snowflake() };
    this.sessions.add(session);
    socket.on('close', () => this.sessions.delete(session));
    socket.on('message', (raw) => this.onMessage(session, JSON.parse(String(raw))));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 } }));
  }

  private onMessage(session: Session, packet: { op: number; d: any }): void {
    switch (packet.op) {
      case 1: // heartbeat
        this.heartbeats++;
        session.socket.send(JSON.stringify({ op: 11 }));
        return;
      case 2: // identify
        this.identifies.push(packet.d);
        session.identified = true;
        session.seq++;
        session.socket.send(
          JSON.stringify({
            op: 0,
            t: 'READY',
            s: session.seq,
            d: {
              v: 10,
              user: {
                id: this.discord.botUserId,
                username: 'teller',
                discriminator: '0',
                bot: true,
                avatar: null,
              },
              guilds: [],
              session_id: session.sessionId,
              resume_gateway_url: `${this.discord.url.replace('http', 'ws')}/gateway`,
              shard: [0, 1],
              application: { id: this.discord.applicationId, flags: 0 },
            },
          }),
        );
        for (const w of this.readyWaiters.splice(0)) w();
        return;
      case 6: // resume
        session.identified = true;
        session.seq++;
        session.socket.send(JSON.stringify({ op: 0, t: 'RESUMED', s: session.seq, d: null }));
        return;
      default:
        return;
    }
  }
}
