/**
 * Results written to disk whole or not at all. Every destination is checked before any work
 * starts; each file or folder is written under a temporary name beside its destination and
 * renamed into place at the end, so a destination holds the earlier result or the new one,
 * never half of one, nor a mix of two runs.
 */
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm, rmdir, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { FileError, fileProblem } from "../core/errors.js";

/** Where a command will write: a file (`--ics plan.ics`) or a folder it fills (`--out DIR`). */
export interface Destination {
  kind: "file" | "folder";
  path: string;
  /** The option that named it, for the message (`--out`). */
  option?: string;
}

const named = (d: Destination) => (d.option ? `${d.option} ${d.path}` : d.path);

async function statOrUndefined(path: string) {
  try {
    return await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** The closest folder on the way up from `path` that exists (a bounded walk: one step per level). */
async function existingAncestor(path: string): Promise<string> {
  let current = dirname(resolve(path));
  for (;;) {
    const found = await statOrUndefined(current);
    if (found) {
      if (!found.isDirectory()) throw Object.assign(new Error(current), { code: "ENOTDIR" });
      return current;
    }
    const up = dirname(current);
    if (up === current) return current;
    current = up;
  }
}

/**
 * Checks that `destination` can be written, without writing it: the right kind of thing is
 * there (or nothing), and a temporary folder can be made beside it. Throws FileError naming it.
 */
export async function checkDestination(destination: Destination): Promise<void> {
  const { kind, path } = destination;
  try {
    const found = await statOrUndefined(path);
    if (found && kind === "file" && found.isDirectory())
      throw new FileError(`cannot write ${named(destination)}: it is a folder, not a file`);
    if (found && kind === "folder" && !found.isDirectory())
      throw new FileError(`cannot write ${named(destination)}: it is a file, not a folder`);
    // A real probe: permission bits say little to root, and /proc refuses what they allow.
    const folder = await existingAncestor(path);
    const probe = await mkdtemp(join(folder, ".hipcheck-probe-")).catch((error: unknown) => {
      throw new FileError(
        `cannot write ${named(destination)}: nothing can be created in ${folder} (${fileProblem(error)})`,
      );
    });
    await rmdir(probe);
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw new FileError(`cannot write ${named(destination)} (${fileProblem(error)})`);
  }
}

/** Checks every destination, all before any work starts. */
export async function checkDestinations(destinations: readonly Destination[]): Promise<void> {
  for (const destination of destinations) await checkDestination(destination);
}

/**
 * Makes `dir` and its missing parents one level at a time. (Node's recursive mkdir loops for
 * ever where the file system answers "no such file" for a folder that cannot be made, as in /proc.)
 */
async function makeFolders(dir: string): Promise<void> {
  const missing: string[] = [];
  let current = resolve(dir);
  while (!(await statOrUndefined(current))) {
    missing.unshift(current);
    const up = dirname(current);
    if (up === current) break;
    current = up;
  }
  for (const folder of missing) await mkdir(folder);
}

/** Staging folders of this process, removed if it is interrupted. */
const staging = new Set<string>();
let cleanupInstalled = false;

function removeStagingOnInterrupt(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      for (const path of staging) rmSync(path, { recursive: true, force: true });
      // Ended by the signal itself, as a shell expects (exit status 130 for Ctrl-C): no exit
      // handlers run, so native pose runtimes still busy in worker threads are not torn down.
      process.kill(process.pid, signal);
    });
  }
}

/** Writes a file whole: a temporary file beside it, renamed over it at the end. */
export async function writeFileWhole(destination: Destination, content: string | Uint8Array) {
  await checkDestination(destination);
  const path = resolve(destination.path);
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await makeFolders(dirname(path));
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new FileError(`cannot write ${named(destination)} (${fileProblem(error)})`);
  }
}

/**
 * Fills a folder whole: `fill` writes into a fresh temporary folder beside `destination`, which
 * then takes the destination's place (an earlier result there is replaced as a whole). When
 * `fill` fails, the temporary folder is removed and the destination is left as it was.
 */
export async function writeFolderWhole<T>(
  destination: Destination,
  fill: (folder: string) => Promise<T>,
): Promise<T> {
  await checkDestination(destination);
  const path = resolve(destination.path);
  let folder: string;
  try {
    await makeFolders(dirname(path));
    folder = await mkdtemp(join(dirname(path), `.${basename(path)}.partial-`));
  } catch (error) {
    throw new FileError(`cannot write ${named(destination)} (${fileProblem(error)})`);
  }
  staging.add(folder);
  removeStagingOnInterrupt();
  try {
    const result = await fill(folder);
    await swapInto(folder, path);
    return result;
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    if (error instanceof Error && (error as NodeJS.ErrnoException).syscall === "rename")
      throw new FileError(`cannot write ${named(destination)} (${fileProblem(error)})`);
    throw error;
  } finally {
    staging.delete(folder);
  }
}

/**
 * Puts `folder` where `path` is. An earlier folder there is moved aside first and removed once
 * the new one is in place; if the new one cannot be put there, the earlier one goes back.
 */
async function swapInto(folder: string, path: string): Promise<void> {
  const asides: string[] = [];
  try {
    // Two runs finishing at once: the later rename may find the other's result; try again.
    for (let attempt = 0; ; attempt++) {
      if (await statOrUndefined(path)) {
        const aside = `${join(dirname(path), `.${basename(path)}.old-`)}${randomBytes(4).toString("hex")}`;
        await rename(path, aside);
        asides.push(aside);
      }
      try {
        await rename(folder, path);
        return;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const raced = code === "ENOTEMPTY" || code === "EEXIST";
        if (!raced || attempt >= 5) {
          const last = asides.pop();
          if (last && !(await statOrUndefined(path))) await rename(last, path);
          throw error;
        }
      }
    }
  } finally {
    for (const aside of asides) await rm(aside, { recursive: true, force: true });
  }
}
