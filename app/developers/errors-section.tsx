// 3. The error contract: the one JSON shape, field-level details, sync rejections, and every code with its
// status (lib/docs/error-codes.ts reads the statuses from lib/http/errors.ts).
import { errorCodeRows } from '@/lib/docs/error-codes';
import { EXAMPLES } from '@/lib/docs/integrator-examples';
import { C, CodeBlock, h2, h3, HttpExampleView, p, TableScroll, td, th } from './code';

const SHAPE = { error: { code: 'VALIDATION_ERROR', message: 'request validation failed', details: [{ field: 'type', reason: '…' }] } };

export function ErrorsSection() {
  return (
    <section aria-labelledby="errors">
      <h2 id="errors" className={h2}>3. Errors</h2>
      <p className={p}>Every API error has one shape, with the HTTP status of its code:</p>
      <CodeBlock>{JSON.stringify(SHAPE, null, 2)}</CodeBlock>
      <p className={p}>
        Decide on <C>code</C> and the status: they are the contract. <C>message</C> is English, for people and
        logs, and may be reworded. <C>details</C> is there when there is more to say; for invalid input it is the
        list of fields with the reason for each (<C>field</C> is a dotted path into the body, e.g.{' '}
        <C>samples</C>, <C>type</C>, <C>priority</C>).
      </p>
      <HttpExampleView example={EXAMPLES.registerInvalid}>A device type that does not exist</HttpExampleView>
      <p className={p}>
        A sync is different: bad samples do not fail it (<C>rejected</C> in a 200 names them). Only when every
        sample is bad is the answer 422, nothing stored: the error shape plus the sync’s counters, the same list in{' '}
        <C>error.details</C> and <C>rejected</C>.
      </p>
      <HttpExampleView example={EXAMPLES.allRejected}>Every sample rejected</HttpExampleView>
      <HttpExampleView example={EXAMPLES.badToken}>A revoked or mistyped token</HttpExampleView>
      <p className={p}>
        Every answer carries <C>X-Request-Id</C> (the one you sent, if it is 8–64 letters, digits, <C>_</C>,{' '}
        <C>.</C> or <C>-</C>): quote it when you report a problem.
      </p>
      <h3 className={h3}>Codes</h3>
      <TableScroll label="Error codes">
        <thead>
          <tr>
            <th scope="col" className={th}>code</th><th scope="col" className={th}>status</th>
            <th scope="col" className={th}>when</th><th scope="col" className={th}>what to do</th>
          </tr>
        </thead>
        <tbody>
          {errorCodeRows().map((row) => (
            <tr key={row.code}>
              <td className={`${td} font-mono`}>{row.code}</td>
              <td className={td}>{row.status}</td>
              <td className={td}>{row.when}</td>
              <td className={td}>{row.action}</td>
            </tr>
          ))}
        </tbody>
      </TableScroll>
    </section>
  );
}
