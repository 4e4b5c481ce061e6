// Entry point of `npm run server`: starts the team termbase server from environment variables, or,
// with `add-member <name> <role> [days]`, adds a member and prints their token (the first admin).
import { isTeamRole } from '../src/core/team/layout'
import { createTeamServer } from './app'
import { readConfig } from './config'
import { addMember, issueToken } from './members'

// A closed log pipe (the parent went away) must not crash the server.
process.stdout.on('error', () => undefined)
process.stderr.on('error', () => undefined)

async function main(argv: string[]): Promise<void> {
  const config = readConfig()
  const team = createTeamServer(config)
  if (argv[0] === 'add-member') {
    const [, name, role, days = '90'] = argv
    if (!name || !isTeamRole(role)) throw new Error('usage: npm run server -- add-member <name> <viewer|contributor|reviewer|admin> [days]')
    await team.db.migrate()
    const m = await addMember(team.db, name, role)
    const t = await issueToken(team.db, config.tokenSecret, m.id, Math.round(Number(days) * 86400))
    process.stdout.write(JSON.stringify({ member: m.id, name: m.name, role: m.role, token: t.token, expires: t.expires }) + '\n')
    await team.db.close()
    return
  }
  await team.listen()
  const stop = async (signal: string) => {
    team.log.info('stopping', { signal })
    await team.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop('SIGINT'))
  process.once('SIGTERM', () => void stop('SIGTERM'))
}

main(process.argv.slice(2)).catch((e: Error) => {
  process.stderr.write(JSON.stringify({ time: new Date().toISOString(), level: 'error', event: 'fatal', error: e.message }) + '\n')
  process.exit(1)
})
