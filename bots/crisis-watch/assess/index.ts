/**
 * Public surface of the crisis assessment (issue #3). Everything here is pure except
 * `loadCrisisLexicon`, which reads `config/crisis/*.yaml` once per directory.
 */
export { assess } from "./assess.ts";
export { compileCrisisLexicon, type NamedLexiconFile } from "./compile-crisis-lexicon.ts";
export { foldText } from "./fold-text.ts";
export { isFlagged, LEVELS, levelRank, maxLevel } from "./levels.ts";
export type { CompiledLexicon, CueKind } from "./lexicon-types.ts";
export { DEFAULT_LEXICON_DIR, loadCrisisLexicon } from "./load-crisis-lexicon.ts";
export type { AssessContext, Assessment, CrisisLane, Evidence, Level, When, Where, Who } from "./types.ts";
