// Job "import": runs (or resumes) an uploaded import, then any other import of the same user still
// queued (one at a time per user: events for a busy user may be coalesced), and asks for the user's
// aggregates to be recomputed.
import { nextQueuedImport } from '../data/imports';
import { runImport } from '../imports/run';
import { defineJob } from './types';

export const importJob = defineJob({
  id: 'import',
  trigger: 'importRequested',
  concurrencyKey: 'userId',
  retries: 3,
  async run({ data, step, send }) {
    let accepted = 0;
    let importId: string | null = data.importId;
    for (let n = 0; importId && n < 20; n++) {
      const id: string = importId;
      const result = await step.run(`import-${n}`, () => runImport(id));
      accepted += result?.accepted ?? 0;
      importId = await step.run(`next-queued-${n}`, () => nextQueuedImport(data.userId));
    }
    if (accepted > 0) await send([{ key: 'samplesSynced', data: { userId: data.userId } }]);
    return { accepted };
  },
});
