// A load generator in its own process (benchmarks): `concurrency` clients each send `perClient`
// signed /vote slash commands one after another to `url`, and the per-request acknowledgement times
// (ms) are printed as one JSON array. Kept out of the measured process so its work is not counted.
import { createHmac } from 'node:crypto';

const [url, secret, responseBase, concurrencyArg, perClientArg] = process.argv.slice(2);
const concurrency = Number(concurrencyArg);
const perClient = Number(perClientArg);
const times: number[] = [];
let n = 0;

async function client(c: number): Promise<void> {
  for (let i = 0; i < perClient; i++) {
    n++;
    const body = new URLSearchParams({
      team_id: 'T1',
      team_domain: 'acme',
      channel_id: 'C1',
      user_id: `U${c}`,
      user_name: `u${c}`,
      command: '/vote',
      text: '3',
      // each command its own response_url, as Slack gives it (and takes at most five answers through it)
      response_url: `${responseBase}/respond/x-${process.pid}-${c}-${i}`,
      trigger_id: `t-${process.pid}-${c}-${i}-${n}`,
      api_app_id: 'A1',
    }).toString();
    const ts = Math.floor(Date.now() / 1000);
    const sig = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
    const t0 = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': sig,
      },
      body,
    });
    await res.arrayBuffer();
    times.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`ack ${res.status}`);
  }
}

await Promise.all(Array.from({ length: concurrency }, (_, c) => client(c)));
console.log(JSON.stringify(times));
