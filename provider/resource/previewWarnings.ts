/**
 * How the provider says something at preview without failing it. A dynamic provider's check can only return
 * failures; a warning is one line per text, said once per provider process (the engine may check a resource more
 * than once in a run). The provider's default writer (provider/host/engineWarnings.ts) hands each line to the Pulumi
 * engine as a real warning ("warning: ..." under "Diagnostics:", counted as a warning); lines on the
 * dynamic-provider plugin's stderr, the fallback, show there too, as plain info lines (pulumi v3.276.0,
 * docs/pulumi-cli.md).
 */
export type WarningSink = (message: string) => void;

/** Control characters (a newline in an OSS inventory id) are escaped: one warning stays one line. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function createWarningSink(write: (line: string) => void = (line) => void process.stderr.write(line)): WarningSink {
  const said = new Set<string>();
  return (message) => {
    const line = `warning: ${oneLine(message)}\n`;
    if (said.has(line)) return;
    said.add(line);
    write(line);
  };
}
