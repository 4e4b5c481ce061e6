// The page's Content-Security-Policy reaches the workers too: the dev and preview servers send it as a
// header (a meta tag binds only the page) and the build writes it to dist/_headers for static hosts.
// It lets workers start only from the app's own scripts and fetch only the app, the model hub and
// (ws:/wss:) a team server the user connected.
import { describe, expect, it } from 'vitest'
import config, { CSP } from '../../vite.config'

const directives = new Map(CSP.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]))

describe('Content-Security-Policy', () => {
  it('is sent as a header by the dev and preview servers, so that it binds the workers', () => {
    expect(config.server?.headers).toEqual({ 'Content-Security-Policy': CSP })
    expect(config.preview?.headers).toEqual({ 'Content-Security-Policy': CSP })
  })

  it('lets workers start only from the app itself', () => {
    expect(directives.get('worker-src')).toEqual(["'self'", 'blob:'])
    expect(directives.get('default-src')).toEqual(["'self'"])
  })

  it('limits what the page and its workers may fetch: no wildcard, no plain http, ws:/wss: for the team server', () => {
    const connect = directives.get('connect-src') ?? []
    expect(connect).toEqual(expect.arrayContaining(["'self'", 'ws:', 'wss:', 'https://huggingface.co']))
    for (const source of connect) expect(['*', 'http:', 'https:', 'http://*', 'https://*']).not.toContain(source)
  })
})
