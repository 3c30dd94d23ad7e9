// A command line a message suggests, the same in every language but for its placeholder.

/**
 * The command that checks one repository: `lofte validate omraden/norr`, and for `report` and
 * `export`, which need a folder to write to, `lofte report omraden/norr --out <mapp>`. A folder
 * with characters a shell would read is quoted.
 */
export function exampleCommand(command: string | undefined, folder: string, outPlaceholder: string): string {
  const cmd = command ?? 'validate';
  const shown = /^[\w./-]+$/.test(folder) ? folder : `"${folder.replace(/(["\\$`])/g, '\\$1')}"`;
  return `lofte ${cmd} ${shown}${cmd === 'report' || cmd === 'export' ? ` --out ${outPlaceholder}` : ''}`;
}
