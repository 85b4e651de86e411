// A response body streamed from an async iterable of text (exports). A failure after the headers went
// out can no longer become an error status: the body stream errors instead, so the server aborts the
// chunked response without its terminating chunk and the client sees a failed download (curl: "transfer
// closed with outstanding read data", fetch: a rejected read), never a clean end of a truncated file.
import { log } from '../observability/log';

export function textStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      try {
        const { done, value } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        // The route's error mapping has already answered 200: this line is the only trace of the failure.
        log.error({ err: error instanceof Error ? error.name : typeof error }, 'streamed response failed after its headers; aborted');
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
