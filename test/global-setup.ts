import { execFileSync } from 'node:child_process'
import { skipWithoutShared } from '../src/test-support/paths.js'

/** The CLI tests run the real `kamerwacht` binary, so the build must be current. */
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' })
  // A fresh clone has no ../shared: say once what is skipped and how to run it (under CI=true those tests fail instead).
  if (skipWithoutShared)
    console.log(
      'kamerwacht: ../shared not found; the tests that read the shared corpus (accuracy, relevance, sync, some golden files) are skipped. Run them with SHARED=/path/to/shared npm test.',
    )
}
