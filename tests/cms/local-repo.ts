// Drives Sveltia CMS's "Work with Local Repository" mode in headless Chromium. The folder picker
// (File System Access API) is replaced by a folder in the page's origin-private file system, filled
// with the given files, so the CMS reads and writes real files without a dialog or a Git server.
import type { BrowserContext, Page } from 'playwright-core';

declare global {
  interface Window {
    hoidapReadRepoFile(rel: string): Promise<string>;
    hoidapListRepo(): Promise<string[]>;
  }
}

/** Installs the fake picker in every page of `context`; `files` maps repository paths to their text. */
export async function fakeLocalRepository(context: BrowserContext, files: Record<string, string>): Promise<void> {
  await context.addInitScript((files: Record<string, string>) => {
    const repoDir = async () => (await navigator.storage.getDirectory()).getDirectoryHandle('repo', { create: true });
    const dirOf = async (rel: string, create: boolean) => {
      const parts = rel.split('/');
      let dir = await repoDir();
      for (const p of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(p, { create });
      return { dir, name: parts[parts.length - 1]! };
    };
    (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () => {
      for (const [rel, text] of Object.entries(files)) {
        const { dir, name } = await dirOf(rel, true);
        const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
        await writable.write(text);
        await writable.close();
      }
      return repoDir();
    };
    window.hoidapReadRepoFile = async (rel) => {
      const { dir, name } = await dirOf(rel, false);
      return (await (await dir.getFileHandle(name)).getFile()).text();
    };
    window.hoidapListRepo = async () => {
      const out: string[] = [];
      const walk = async (dir: FileSystemDirectoryHandle, prefix: string): Promise<void> => {
        for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
          if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
          else out.push(`${prefix}${name}`);
        }
      };
      await walk(await repoDir(), '');
      return out.sort();
    };
  }, files);
}

export const readRepoFile = (page: Page, rel: string) => page.evaluate((r) => window.hoidapReadRepoFile(r), rel);
export const listRepo = (page: Page) => page.evaluate(() => window.hoidapListRepo());
