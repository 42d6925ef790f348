/**
 * How the provider says something at preview without failing it. A dynamic provider's check can only return
 * failures, but the engine shows every line the dynamic-provider plugin writes on stderr under "Diagnostics:"
 * (pulumi v3.276.0, sdk/go/common/resource/plugin/plugin.go: the pulumi-nodejs dynamic plugin's stderr is not
 * hidden, it goes to the diagnostics stream, attributed to the stack). So a warning is one line on stderr, said once
 * per provider process (the engine may check a resource more than once in a run).
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
