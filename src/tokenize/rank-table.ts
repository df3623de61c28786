/** Token ranks of one encoding, looked up in place. */
export interface RankTable {
  /** Rank of the token bytes.slice(start, end), or -1 when it is not a token; never slices. */
  rank(bytes: string, start: number, end: number): number;
}
