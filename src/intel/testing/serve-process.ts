import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../../test/helpers/corpus.js';

/** Test helper: `tracer intel serve …` as a child process, with the port it printed. */
export async function spawnIntelServer(args: string[]): Promise<{ child: ChildProcess; port: number; httpPort?: number; stderr: () => string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'src', 'cli', 'main.ts'), 'intel', 'serve', '--port', '0', ...args], { cwd: projectRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => { stderr += b.toString('utf8'); });
  const wantHttp = args.includes('--http-port');
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (/CyberTrace protocol on .*:\d+/.test(stderr) && (!wantHttp || /HTTP API on/.test(stderr))) resolve();
    };
    child.stderr!.on('data', check);
    child.once('exit', (code) => reject(new Error(`intel serve exited with ${code}: ${stderr}`)));
  });
  return {
    child,
    port: Number(/CyberTrace protocol on .*:(\d+)/.exec(stderr)![1]),
    httpPort: wantHttp ? Number(/HTTP API on http:\/\/.*:(\d+)/.exec(stderr)![1]) : undefined,
    stderr: () => stderr,
    stop: () => new Promise<void>((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); }),
  };
}
