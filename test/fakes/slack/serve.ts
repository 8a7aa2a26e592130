// Runs the fake Slack in its own process (benchmarks: so the fake's work does not share an event loop
// with the app being measured). Prints "port <n>" once listening. argv[2]: RateLimits as JSON.
import { FakeSlackServer } from './fake-slack-server.js';

const fake = new FakeSlackServer(process.argv[2] ? JSON.parse(process.argv[2]) : {});
await fake.start();
console.log(`port ${fake.port}`);
process.on('SIGTERM', () => void fake.stop().then(() => process.exit(0)));
