import { readdirSync, realpathSync, type Dirent } from 'node:fs';
import { failure, UsageError } from '../errors.js';
import { comparePaths, displayPath } from './paths.js';

/**
 * The folders a walk has entered, by real path, so that symbolic links are followed without walking a
 * folder twice or forever: a link back to a folder being walked (a loop) is named in a note, a second link
 * to a folder already walked is passed over. A folder that cannot be read is a one-line usage error: a
 * count or an analysis that silently left it out would pass a CI gate it should not.
 */
export class FolderVisits {
  private readonly open = new Set<string>();
  private readonly done = new Set<string>();
  private readonly byDir = new Map<string, string>();

  constructor(
    private readonly cwd: string,
    private readonly notes: string[],
  ) {}

  /** The folder's entries in a stable order, or undefined when it was walked already or is a loop. */
  enter(dir: string): Dirent[] | undefined {
    let real: string;
    let entries: Dirent[];
    try {
      real = realpathSync(dir);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      throw new UsageError(`cannot read folder ${displayPath(this.cwd, dir)}: ${failure(err)}`);
    }
    if (this.open.has(real)) {
      this.notes.push(
        `llmcost: ${displayPath(this.cwd, dir)} links back to ${displayPath(this.cwd, real)} (a symbolic-link loop): not followed`,
      );
      return undefined;
    }
    if (this.done.has(real)) return undefined;
    this.open.add(real);
    this.byDir.set(dir, real);
    return entries.sort((a, b) => comparePaths(a.name, b.name));
  }

  leave(dir: string): void {
    const real = this.byDir.get(dir)!;
    this.open.delete(real);
    this.done.add(real);
  }
}
