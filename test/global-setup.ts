import { execFileSync } from 'node:child_process'

/** The CLI tests run the real `kamerwacht` binary, so the build must be current. */
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' })
}
