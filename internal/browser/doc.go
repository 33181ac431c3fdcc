// Package browser drives a headless Chromium from Go tests through the
// DevTools protocol over a pipe (--remote-debugging-pipe), with no
// dependency beyond the standard library and Debian's chromium package:
// open pages, run JavaScript, wait for navigations, read the DOM and take
// screenshots.
package browser
