// The side-effect sink of the chaos bench: the receipt step of every W5 run POSTs here (through
// Symbiont's HTTP connector, which sends the step's idempotency key). The sink lives in the
// bench process, which is never killed, so it sees every execution of the step, including
// those whose server died before it could commit the result.
import { createServer } from 'node:http';

/** One execution of a receipt step, as the sink saw it. */
export interface Receipt {
  /** Sequence number over all receipts; the step's output carries it back into the database. */
  no: number;
  /** Which server life (1 = the first start) was running when the request arrived. */
  life: number;
  at: number;
}

export interface ReceiptSink {
  url: string;
  /** Receipts by idempotency key (`<run id>:<node id>`), in arrival order. */
  receipts: Map<string, Receipt[]>;
  total(): number;
  close(): Promise<void>;
}

/** Starts the sink on 127.0.0.1 (a free port); `life()` tags each receipt with the server life. */
export async function startReceiptSink(life: () => number): Promise<ReceiptSink> {
  const receipts = new Map<string, Receipt[]>();
  let next = 0;
  const server = createServer((req, res) => {
    const key = req.headers['idempotency-key'];
    // The body is not needed: drain it so the connection can be reused.
    req.resume();
    req.on('end', () => {
      if (req.method !== 'POST' || typeof key !== 'string' || key === '') {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"POST with an Idempotency-Key header"}');
        return;
      }
      next += 1;
      const receipt: Receipt = { no: next, life: life(), at: Date.now() };
      const list = receipts.get(key);
      if (list) list.push(receipt);
      else receipts.set(key, [receipt]);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ receipt: receipt.no }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/receipt`,
    receipts,
    total: () => next,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
