// The shape of the command line's own words in one language: help, usage errors, summaries and
// refusals. Each entry has its own parameter type, and every language implements the whole
// interface, so a missing or misnamed word is a compile error.

/** An option's value placeholder (the `<…>` in `--as-of <datum>`) and its help line. */
export interface OptionWords {
  value: string;
  text: string;
}

/** A flag without a value: its help line. */
export type FlagWords = string;

/** A positional argument: its name in the usage line and its help line. */
export interface ArgumentWords {
  name: string;
  text: string;
}

export interface CliWords {
  /** Commander's help, in this language. */
  help: {
    usage: string;
    options: string;
    commands: string;
    arguments: string;
    globalOptions: string;
    /** The words inside the parentheses after a description: `(default: "text")`. */
    default: string;
    choices: string;
    preset: string;
    env: string;
    /** The placeholders commander writes in usage lines: `[options]`, `[command]`. */
    optionsTerm: string;
    commandTerm: string;
  };
  program: {
    description: string;
    help: FlagWords;
    helpCommand: ArgumentWords;
    version: FlagWords;
  };
  /** The options most commands share (commonOptions). */
  common: {
    lang: OptionWords;
    asOf: OptionWords;
    config: OptionWords;
    color: FlagWords;
    noColor: FlagWords;
    debug: FlagWords;
  };
  /** Why commander refused a value lofte parses itself. */
  invalid: {
    date: string;
    count: string;
    choices(a: { choices: string }): string;
  };
  /** Commander's own errors (its English text after "error: "), in this language. */
  commanderError(message: string): string;
  validate: {
    description: string;
    paths: ArgumentWords;
    format(a: { formats: string }): OptionWords;
    maxWarnings: OptionWords;
    strict: FlagWords;
    quiet: FlagWords;
    verbose: FlagWords;
    watch: FlagWords;
    cache(a: { folder: string }): FlagWords;
    cacheLocation: OptionWords;
    again: string;
  };
  links: {
    description: string;
    paths: ArgumentWords;
    format: OptionWords;
  };
  /** The graph `lofte links` prints, as text and as a Mermaid chart. */
  linksView: {
    problembilder: string;
    noPromise: string;
    noneResponsible: string;
    /** After a problembild that is not `offentlig`. */
    internal: string;
    aktorer: string;
    responsibleFor(a: { count: number; ids: string }): string;
    participatesIn(a: { count: number; ids: string }): string;
    noPromises: string;
    unanswered: string;
    problembilderUnanswered(a: { ids: string }): string;
    aktorerUnanswered(a: { ids: string }): string;
    /** "A, B och C". */
    joinNames(a: { names: readonly string[] }): string;
    mermaid: { problembilder: string; loften: string; aktorer: string; promises: string; participates: string; answers: string };
  };
  report: {
    description: string;
    exportDescription: string;
    paths: ArgumentWords;
    out: OptionWords;
    exportOut: OptionWords;
    format: OptionWords;
    lpo: OptionWords;
    kommun: OptionWords;
    id: OptionWords;
    status(a: { statuses: string }): OptionWords;
    allowRepoRoot: FlagWords;
    medUtkast: FlagWords;
    watch: FlagWords;
    exportWatch: FlagWords;
    again: string;
    notWritten: string;
    placeholdersLeft(a: { places: readonly string[] }): string;
    noMatch(a: { filters: string }): string;
    lockTakenOver(a: { pid: number }): string;
    recoveredFinished: string;
    recoveredRolledBack: string;
    dataWritten(a: { files: number; where: string; documents: number; asOf: string }): string;
    harvestMissing(a: { fields: readonly string[] }): string;
    filesUnchanged(a: { files: number }): string;
    filesRemoved(a: { files: number }): string;
    pagesWritten(a: { pages: number; where: string; documents: number; asOf: string }): string;
    draftsLeftOut(a: { drafts: number }): string;
    pagesUnchanged(a: { pages: number }): string;
    pagesRemoved(a: { pages: number }): string;
    interrupted: string;
  };
  schema: {
    description: string;
    kind(a: { kinds: string }): ArgumentWords;
    out: OptionWords;
    written(a: { count: number; folder: string }): string;
  };
  init: {
    description: string;
    folder: ArgumentWords;
    lpo: OptionWords;
    kommun(a: { example: string }): OptionWords;
    polisregion(a: { regions: string }): OptionWords;
    force: FlagWords;
    exists(a: { files: readonly string[] }): string;
    done(a: { folder: string; lpo: string; kommun: string; kommunkod: string; files: readonly string[] }): string;
    exampleKommun(a: { example: string }): string;
  };
  new: {
    description: string;
    kind(a: { kinds: string }): ArgumentWords;
    titel: OptionWords;
    id: OptionWords;
    dir: OptionWords;
    idTaken(a: { id: string; where?: { file: string; line: number } }): string;
    fileExists(a: { file: string }): string;
    written(a: { file: string; id: string }): string;
    editorHint: string;
  };
  rules: {
    description: string;
    format: OptionWords;
    lang: OptionWords;
    config: OptionWords;
  };
  lsp: {
    description: string;
    stdio: FlagWords;
  };
  watch: {
    watching: string;
    changed(a: { time: string; again: string }): string;
  };
  /** The progress line on a terminal while many files are read. */
  progress(a: { done: number; total: number }): string;
}
