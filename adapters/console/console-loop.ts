// The console's terminal loop. Lines are handled one at a time, in order, even when pasted (or piped)
// in a batch, so a script runs as if typed; the loop ends on /quit or at the end of the input.
import { createInterface } from 'node:readline';
import type { ConsoleSession } from './console.js';

export interface ConsoleIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export async function runConsoleLoop(session: ConsoleSession, io: ConsoleIo): Promise<void> {
  const rl = createInterface({ input: io.input, output: io.output, prompt: '> ' });
  await session.deliver();
  rl.prompt();
  let chain = Promise.resolve(true);
  await new Promise<void>((done) => {
    rl.on('line', (line) => {
      chain = chain.then(async (go) => {
        if (!go) return false;
        const more = await session.handleLine(line);
        if (!more) rl.close();
        else {
          rl.setPrompt(`@${session.member}> `);
          rl.prompt();
        }
        return more;
      });
    });
    rl.on('close', () => void chain.then(() => done()));
  });
}
