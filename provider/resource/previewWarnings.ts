/**
 * How the provider says something at preview without failing it. A dynamic provider's check can only return
 * failures; a warning is one line per text, said once per provider process (the engine may check a resource more
 * than once in a run). The provider's default writer (provider/host/engineWarnings.ts) hands each line to the Pulumi
 * engine as a real warning ("warning: ..." under "Diagnostics:", counted as a warning); lines on the
 * dynamic-provider plugin's stderr, the fallback, show there too, as plain info lines (pulumi v3.276.0,
 * docs/pulumi-cli.md). Without an engine, lines go to stderr, or where setWarningFallback says.
 */
export type WarningSink = (message: string) => void;

/** Control characters (a newline in an OSS inventory id) are escaped: one warning stays one line. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Where a warning line goes when no engine takes it: stderr, unless the program running the provider chose otherwise. */
let fallbackWriter: (line: string) => void = (line) => void process.stderr.write(line);

/**
 * Sends the warning lines that reach no Pulumi engine (the provider run outside the dynamic-provider host: tests,
 * scripts) to `writer` instead of stderr, e.g. a test's logger that it can read and assert on. Under the engine
 * nothing changes: warnings go to the engine. Returns the function that puts the previous writer back.
 */
export function setWarningFallback(writer: (line: string) => void): () => void {
  const previous = fallbackWriter;
  fallbackWriter = writer;
  return () => {
    fallbackWriter = previous;
  };
}

/** Writes one "warning: ...\n" line where warnings without an engine go (stderr by default). */
export function writeWithoutEngine(line: string): void {
  fallbackWriter(line);
}

export function createWarningSink(write: (line: string) => void = writeWithoutEngine): WarningSink {
  const said = new Set<string>();
  return (message) => {
    const line = `warning: ${oneLine(message)}\n`;
    if (said.has(line)) return;
    said.add(line);
    write(line);
  };
}
