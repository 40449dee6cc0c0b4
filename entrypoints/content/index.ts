export default defineContentScript({
  matches: ['*://*.reuters.com/*'],
  main() {},
});
