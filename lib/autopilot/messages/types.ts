import type { EncodingId } from '../encoding';
import type { ListFormat } from '../header';
import type { ParamsByCode, ProblemCode } from '../problems';

/** What a problem says: what is wrong, and how to fix it. */
export interface ProblemText {
  message: string;
  hint: string;
}

/** Everything the validator says, in one language. */
export interface Catalogue {
  encoding: Record<EncodingId, string>;
  allowedCombinations: string;
  problems: { [C in ProblemCode]: (params: ParamsByCode[C]) => ProblemText };
  /** What `fixUpload` changed, in a few words each. */
  fixes: {
    converted: (from: EncodingId) => string;
    merged: (files: number, devices: number) => string;
    header: (format: ListFormat) => string;
    dropped: (what: 'blank' | 'duplicate' | 'column' | 'trailing', count: number) => string;
    separator: () => string;
  };
}
