/**
 * Stands in for WXT's ContentScriptContext in this extension's content scripts (wxt.config.ts
 * aliases `wxt/utils/content-script-context` here). WXT's own posts
 * `<extension-id>:content:wxt:content-script-started` to the page at start-up, and shuts the
 * script down when the page sends that event back (issue 11): a page could learn the extension's
 * id and switch it off. This one tells the page nothing and listens to nothing; the script's
 * lifetime is its own AbortController (see lifecycle.ts), which only the extension ends.
 */
export class ContentScriptContext {
  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}
}
