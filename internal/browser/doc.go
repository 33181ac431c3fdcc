// Package browser drives a headless Chromium from Go tests with
// github.com/chromedp/chromedp (the DevTools protocol over
// --remote-debugging-pipe) and Debian's chromium package: open pages, run
// JavaScript, wait for navigations, read the DOM and take screenshots.
// It keeps a small API of its own so that tests do not depend on
// chromedp's directly.
package browser
