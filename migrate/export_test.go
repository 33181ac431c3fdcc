package migrate

// Golden is the golden-file helper, shared with the external tests.
var Golden = golden
