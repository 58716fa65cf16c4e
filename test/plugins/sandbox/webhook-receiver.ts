import { createServer, type Server } from "node:http";

/** One request the receiver got, with its exact raw body. */
export interface Received {
  headers: Record<string, string | string[] | undefined>;
  raw: string;
}

/** A tiny loopback webhook receiver recording raw bodies; `status` sets what it answers. */
export async function startReceiver(): Promise<{ url: string; received: Received[]; status: { code: number }; close(): Promise<void> }> {
  const received: Received[] = [];
  const status = { code: 200 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString("utf8") });
      res.statusCode = status.code;
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/webhooks/discourse`,
    received,
    status,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
