// The user's own settings (the reviewer's name, asked once): one small JSON file in the app's home folder.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface UserSettings {
  reviewer?: string;
}

const settingsPath = (home: string) => path.join(home, 'settings.json');

/** The settings, or none when the file is missing or unreadable (it is only a convenience: asked again then). */
export function readUserSettings(home: string): UserSettings {
  const file = settingsPath(home);
  if (!existsSync(file)) return {};
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return {};
    const reviewer = (parsed as Record<string, unknown>).reviewer;
    return typeof reviewer === 'string' && reviewer.trim() ? { reviewer: reviewer.trim() } : {};
  } catch {
    return {};
  }
}

/** Writes the settings aside and renames them into place, so a crash never leaves half a file. */
export function writeUserSettings(home: string, settings: UserSettings): void {
  const file = settingsPath(home);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(settings, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}
