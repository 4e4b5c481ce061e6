// Where the team server connection is remembered, readable without loading the sync engine (Yjs), so that a view
// can tell whether a team termbase is in use before it pulls the team code in.

/** WARNING: stored in users' browsers; do not rename. */
export const TEAM_SETTINGS_KEY = 'coi-termbench.team'

/** The remembered server and token, or null (none, or a corrupt setting, which means not connected). */
export function readTeamSettings(): { server: string; token: string } | null {
  try {
    const saved = JSON.parse(localStorage.getItem(TEAM_SETTINGS_KEY) ?? 'null') as { server?: string; token?: string } | null
    return saved?.server ? { server: saved.server, token: saved.token ?? '' } : null
  } catch {
    return null
  }
}
