package debugpage_test

// Values the page must never show, or show only after the PIN. They live
// here, away from the handlers, because the page shows the source lines
// around the failing ones.
const (
	secretKey     = "very-secret-key"
	dbPassword    = "hunter2"
	bearerToken   = "tok123"
	fieldPassword = "pw-in-field"
	typedPassword = "pw-typed"
	userAlice     = "alice"
	userBob       = "bob"
)

// Markers of the page's interactive part, as HTML (the page also shows
// test source lines, escaped, that mention them).
const (
	pinFormTag   = `<form method=post action="/__flagon__/pin" id=pin-form>`
	pinLockedTag = `<p id=pin-locked class=error>`
)
