import http from "node:http";
import https from "node:https";

/** What came back from one delivery attempt; `status` -1 means no HTTP answer (refused, timeout, DNS). */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  durationMs: number;
}

/**
 * POSTs `body` with exactly the given headers (node:http, because fetch forbids setting `Host`,
 * `Connection` and `Content-Length`, which Discourse sends). Never throws: transport failures are
 * reported as status -1 with the error text as body, as Discourse records them.
 */
export function postRaw(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<RawResponse> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<RawResponse, "durationMs">) => {
      if (settled) return;
      settled = true;
      resolve({ ...result, durationMs: Math.round(performance.now() - started) });
    };
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      finish({ status: -1, headers: {}, body: "invalid payload URL" });
      return;
    }
    const client = target.protocol === "https:" ? https : http;
    const request = client.request(target, { method: "POST", headers, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const responseHeaders: Record<string, string> = {};
        for (const [key, value] of Object.entries(response.headers)) {
          if (value !== undefined) responseHeaders[key] = Array.isArray(value) ? value.join(", ") : value;
        }
        finish({ status: response.statusCode ?? -1, headers: responseHeaders, body: Buffer.concat(chunks).toString("utf8") });
      });
      response.on("error", (error) => finish({ status: -1, headers: {}, body: error.message }));
    });
    request.on("timeout", () => request.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    request.on("error", (error) => finish({ status: -1, headers: {}, body: error.message }));
    request.end(body);
  });
}
