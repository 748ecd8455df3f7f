/** What a caller may declare about a dataset it reads from text. */
export interface DatasetDeclarations {
  /** Sample shape; its product must equal the number of feature columns. Default `[D]`. */
  shape?: number[];
  /** Declared `[min, max]`: a value outside fails with its line. Default: the observed range. */
  valueRange?: [number, number];
  /** Class names, one per label value. Default: `'0'..String(max label)`. */
  classNames?: string[];
}
